using System.Text;
using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Protocols.Tests.SolarEdge;

public class SolarEdgeCrcTests
{
    [Fact]
    public void Update_CheckString_GivesSpecCheckValue()
    {
        // spec §1.2: check value of "123456789" is 0x5B3A from 0x5A5A, and CRC-16/ARC's 0xBB3D from 0.
        byte[] check = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0x5B3A, SolarEdgeCrc.Update(SolarEdgeCrc.InitialValue, check));
        Assert.Equal(0xBB3D, SolarEdgeCrc.Update(0, check));
    }

    [Theory]
    [InlineData(new byte[] { 0x01 }, 0xC0C1)]
    [InlineData(new byte[] { 0x02 }, 0xC181)]
    [InlineData(new byte[] { 0xFF }, 0x4040)]
    public void Update_SingleByteFromZero_MatchesSpecTableEntries(byte[] data, int expected)
        => Assert.Equal(expected, SolarEdgeCrc.Update(0, data));

    [Fact]
    public void Update_WorkedExample_GivesB9D8()
    {
        // spec §1.3: the 14 bytes fed to the CRC for "get parameter 0x0329".
        Assert.Equal(0xB9D8, SolarEdgeCrc.Update(SolarEdgeCrc.InitialValue, Hex.Bytes("00 3a ff ff ff fe 7d 10 28 e7 00 12 29 03")));
    }

    [Fact]
    public void Update_AnyLengthAndSplit_MatchesBitwiseDefinition()
    {
        // The slicing-by-8 path against the bitwise form of spec §1.2, over every length across the 8-byte steps.
        var random = new Random(1234);
        for (int length = 0; length < 70; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            ushort expected = Bitwise(data);
            Assert.Equal(expected, SolarEdgeCrc.Update(SolarEdgeCrc.InitialValue, data));
            int cut = length / 3;
            Assert.Equal(expected, SolarEdgeCrc.Update(SolarEdgeCrc.Update(SolarEdgeCrc.InitialValue, data.AsSpan(0, cut)), data.AsSpan(cut)));
            Assert.Equal(expected, SolarEdgeCrc.Update(SolarEdgeCrc.InitialValue, Sequences.Split(data, cut, cut + 5)));
        }
    }

    private static ushort Bitwise(ReadOnlySpan<byte> data)
    {
        int crc = 0x5A5A;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }
}
