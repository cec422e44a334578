using SolarTap.Protocols.Modbus;

namespace SolarTap.Protocols.Tests.Modbus;

public class ModbusCrcTests
{
    [Theory]
    // Read 10 holding registers from 0 at server 1: the frame every Modbus tutorial shows.
    [InlineData("01 03 00 00 00 0A", "c5cd")]
    [InlineData("01 03 00 00 00 01", "840a")]
    // Modbus Application Protocol §6.3 example request (read 3 registers from 0x6B) addressed to server 0x11.
    [InlineData("11 03 00 6B 00 03", "7687")]
    // Modbus over Serial Line v1.02 Appendix B example: 02 07 → CRC 0x1241, sent 41 12.
    [InlineData("02 07", "4112")]
    public void Compute_SpecExamples_WireBytesLowFirst(string frame, string wire)
    {
        ushort crc = ModbusCrc.Compute(Hex.Bytes(frame));

        Assert.Equal(wire, Hex.Of([(byte)crc, (byte)(crc >> 8)]));
    }

    [Fact]
    public void Compute_CheckString_IsCatalogueCheckValue() =>
        Assert.Equal(0x4B37, ModbusCrc.Compute("123456789"u8)); // CRC-16/MODBUS catalogue check value

    [Fact]
    public void Update_InPieces_EqualsWhole()
    {
        byte[] data = Hex.Bytes("01 10 9C 40 00 02 04 00 0A 01 02");

        Assert.Equal(ModbusCrc.Compute(data), ModbusCrc.Update(ModbusCrc.Update(ModbusCrc.InitialValue, data.AsSpan(0, 5)), data.AsSpan(5)));
    }

    [Fact]
    public void Check_GoodAndFlippedFrames_TellThemApart()
    {
        byte[] frame = Hex.Bytes("01 03 00 00 00 0A C5 CD");
        Assert.True(ModbusCrc.Check(frame));
        frame[3] ^= 0x01;
        Assert.False(ModbusCrc.Check(frame));
        Assert.False(ModbusCrc.Check(Hex.Bytes("01 03")));
    }

    [Fact]
    public void Timing_SilentInterval_FollowsSerialLineRules()
    {
        Assert.Equal(40105, ModbusRtuTiming.SilentInterval(9600).Ticks); // 38.5 bits / 9600 baud = 4.0104 ms, rounded up
        Assert.Equal(20053, ModbusRtuTiming.SilentInterval(19200).Ticks);
        Assert.Equal(TimeSpan.FromMicroseconds(1750), ModbusRtuTiming.SilentInterval(38400));
        Assert.Equal(TimeSpan.FromMicroseconds(750), ModbusRtuTiming.InterCharacterTimeout(115200));
        Assert.Equal(17188, ModbusRtuTiming.InterCharacterTimeout(9600).Ticks); // 16.5 bits
        Assert.Equal(TimeSpan.FromTicks(91667), ModbusRtuTiming.TransmitTime(9600, 8));
    }
}
