using SolarTap.Protocols.Modbus;

namespace SolarTap.Protocols.Tests.Modbus;

public class ModbusRtuFramerTests
{
    private static readonly TimeSpan T35 = ModbusRtuTiming.SilentInterval(9600);
    private static readonly TimeSpan Long = TimeSpan.FromMilliseconds(50);

    // Server 1 answers a read of 3 registers (555, 0, 100): address, §6.3 response PDU, CRC.
    private static byte[] Response => Frame(1, "03 06 02 2B 00 00 00 64");

    [Fact]
    public void Push_WholeResponse_ReturnsFrameAndPdu()
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, T35);

        Assert.Equal(ModbusRtuStatus.Frame, framer.Push(Response, Long, out int consumed));

        Assert.Equal(Response.Length, consumed);
        Assert.Equal(1, framer.Unit);
        Assert.Equal("0306022b00000064", Hex.Of(framer.Pdu));
    }

    [Fact]
    public void Push_ByteByByteWithShortGaps_ReturnsFrameOnLastByte()
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, T35);
        byte[] frame = Response;
        for (int i = 0; i < frame.Length - 1; i++)
        {
            Assert.Equal(ModbusRtuStatus.NeedMoreData, framer.Push(frame.AsSpan(i, 1), i == 0 ? Long : TimeSpan.FromMicroseconds(500), out int c));
            Assert.Equal(1, c);
        }

        Assert.Equal(ModbusRtuStatus.Frame, framer.Push(frame.AsSpan(^1), TimeSpan.Zero, out _));
        Assert.Equal(8, framer.Pdu.Length);
    }

    [Fact]
    public void Push_TwoFramesInOneChunk_ReturnsFirstThenSecond()
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, T35);
        byte[] both = [.. Response, .. Frame(2, "83 02")];

        Assert.Equal(ModbusRtuStatus.Frame, framer.Push(both, Long, out int consumed));
        Assert.Equal(Response.Length, consumed);
        Assert.Equal(ModbusRtuStatus.Frame, framer.Push(both.AsSpan(consumed), TimeSpan.Zero, out int rest));
        Assert.Equal(5, rest);
        Assert.Equal(2, framer.Unit);
        Assert.Equal("8302", Hex.Of(framer.Pdu));
    }

    [Fact]
    public void Push_BadCrc_DropsFrameAndSkipsUntilSilence()
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, T35);
        byte[] bad = Response;
        bad[4] ^= 0x40;

        Assert.Equal(ModbusRtuStatus.CrcError, framer.Push([.. bad, .. Response], Long, out int consumed));
        Assert.Equal(2 * bad.Length, consumed); // the good frame follows without silence: it cannot be trusted
        Assert.Equal(ModbusRtuStatus.NeedMoreData, framer.Push(Response, TimeSpan.FromMilliseconds(1), out _));
        Assert.Equal(ModbusRtuStatus.Frame, framer.Push(Response, T35, out _));
        Assert.Equal(1, framer.Statistics.CrcErrors);
    }

    [Fact]
    public void Push_SilenceInsideFrame_DropsPartialAndStartsAgain()
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, T35);

        Assert.Equal(ModbusRtuStatus.NeedMoreData, framer.Push(Response.AsSpan(0, 5), Long, out _));
        Assert.Equal(ModbusRtuStatus.Frame, framer.Push(Response, T35, out _));
        Assert.Equal(1, framer.Statistics.Truncated);
    }

    [Fact]
    public void Silence_AfterPartialFrame_ReportsTruncated()
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, T35);
        framer.Push(Response.AsSpan(0, 3), Long, out _);

        Assert.Equal(ModbusRtuStatus.NeedMoreData, framer.Silence(TimeSpan.FromMilliseconds(1)));
        Assert.Equal(ModbusRtuStatus.Truncated, framer.Silence(T35));
        Assert.Equal(ModbusRtuStatus.NeedMoreData, framer.Silence(T35));
    }

    [Fact]
    public void Push_UnknownFunction_InvalidThenWaitsForSilence()
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, T35);

        Assert.Equal(ModbusRtuStatus.Invalid, framer.Push(Frame(1, "01 01 05"), Long, out int consumed));
        Assert.Equal(6, consumed);
        Assert.Equal(ModbusRtuStatus.NeedMoreData, framer.Push(Response, TimeSpan.Zero, out _));
        framer.Silence(T35);
        Assert.Equal(ModbusRtuStatus.Frame, framer.Push(Response, TimeSpan.Zero, out _));
    }

    [Fact]
    public void Push_OddByteCount_Invalid()
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, T35);

        Assert.Equal(ModbusRtuStatus.Invalid, framer.Push(Hex.Bytes("01 03 05"), Long, out _));
    }

    [Theory]
    [InlineData("03 006B 0003")]
    [InlineData("06 0001 0003")]
    [InlineData("10 0001 0002 04 000A 0102")]
    public void Push_RequestsRole_DelimitsRequests(string pdu)
    {
        var framer = new ModbusRtuFramer(ModbusRtuRole.Requests, T35);
        byte[] frame = Frame(0x11, pdu);

        Assert.Equal(ModbusRtuStatus.Frame, framer.Push([.. frame, 0x11], Long, out int consumed));

        Assert.Equal(frame.Length, consumed);
        Assert.Equal(0x11, framer.Unit);
        Assert.Equal(Hex.Of(Hex.Bytes(pdu)), Hex.Of(framer.Pdu));
    }

    [Fact]
    public void WriteRequest_ReadTenRegisters_IsTheClassicFrame()
    {
        var buffer = new byte[ModbusWire.MaxRtuAduSize];

        int n = ModbusRtu.WriteRequest(1, ModbusRequest.ReadHolding(0, 10), buffer);

        Assert.Equal("01030000000ac5cd", Hex.Of(buffer.AsSpan(0, n)));
    }

    internal static byte[] Frame(byte unit, string pdu)
    {
        byte[] body = Hex.Bytes(pdu);
        var buffer = new byte[body.Length + ModbusRtu.Overhead];
        ModbusRtu.WriteFrame(unit, body, buffer);
        return buffer;
    }
}
