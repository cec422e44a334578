using System.Buffers;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Protocols.Tests.Modbus;

public class ModbusTcpFramerTests
{
    // Transaction 0x0102, unit 1, read 2 holding registers at 40000 (0x9C40).
    private static readonly byte[] Request = Hex.Bytes("0102 0000 0006 01 03 9C40 0002");

    [Fact]
    public void WriteRequest_ReadTwo_MatchesMbapLayout()
    {
        var buffer = new byte[ModbusWire.MaxTcpAduSize];

        int n = ModbusTcp.WriteRequest(0x0102, 1, ModbusRequest.ReadHolding(40000, 2), buffer);

        Assert.Equal(Hex.Of(Request), Hex.Of(buffer.AsSpan(0, n)));
    }

    [Fact]
    public void TryReadFrame_SplitAcrossSegments_ReturnsFrameAndAdvances()
    {
        byte[] two = [.. Request, .. Request];
        ReadOnlySequence<byte> buffer = Sequences.Split(two, 3, 7, 9, 15);

        Assert.Equal(OperationStatus.Done, ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame frame));

        Assert.Equal(new MbapHeader(0x0102, 0, 6, 1), frame.Header);
        Assert.Equal("039c400002", Hex.Of(frame.Pdu.ToArray()));
        Assert.Equal(Request.Length, buffer.Length);
        Assert.Equal(OperationStatus.Done, ModbusTcpFramer.TryReadFrame(ref buffer, out _));
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(11)]
    public void TryReadFrame_Partial_NeedsMoreAndKeepsBuffer(int length)
    {
        var buffer = new ReadOnlySequence<byte>(Request, 0, length);

        Assert.Equal(OperationStatus.NeedMoreData, ModbusTcpFramer.TryReadFrame(ref buffer, out _));
        Assert.Equal(length, buffer.Length);
    }

    [Theory]
    [InlineData("0001 0000 00FF 01", "length 255 exceeds 254: the ADU would pass 260 bytes")]
    [InlineData("0001 0000 0001 01", "no room for a function code")]
    [InlineData("0001 0001 0006 01", "protocol id 1 is not Modbus")]
    public void TryReadFrame_BadHeader_InvalidBeforeBuffering(string header, string why)
    {
        var buffer = new ReadOnlySequence<byte>(Hex.Bytes(header));

        Assert.True(ModbusTcpFramer.TryReadFrame(ref buffer, out _) == OperationStatus.InvalidData, why);
        Assert.Equal(7, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_LargestFrame_Accepted()
    {
        var adu = new byte[ModbusWire.MaxTcpAduSize];
        new MbapHeader(1, 0, ModbusWire.MaxMbapLength, 1).Write(adu);
        var buffer = new ReadOnlySequence<byte>(adu);

        Assert.Equal(OperationStatus.Done, ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame frame));
        Assert.Equal(ModbusWire.MaxPduSize, frame.Pdu.Length);
    }
}
