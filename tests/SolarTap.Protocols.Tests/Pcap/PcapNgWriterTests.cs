using System.Buffers;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Protocols.Tests.Pcap;

public class PcapNgWriterTests
{
    [Fact]
    public void Write_LittleEndianSectionInterfaceAndPacket_MatchesTheDraftLayout()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new PcapNgWriter();

        writer.WriteSectionHeader(output);
        int id = writer.AddInterface(output, LinkType.Ethernet, 65535, timestampResolution: 9);
        writer.WriteEnhancedPacket(output, id, 1_500_000_000_123_456_789, [1, 2, 3, 4, 5, 6], 60);

        Assert.Equal(
            Hex.Of(Hex.Bytes(
                "0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffff ffffffff 1c000000" +
                "01000000 20000000 0100 0000 ffff0000 0900 0100 09000000 0000 0000 20000000" +
                "06000000 28000000 00000000 0d12d114 15cd7182 06000000 3c000000 010203040506 0000 28000000")),
            Hex.Of(output.WrittenSpan));
    }

    [Theory]
    [InlineData(false, 6)]
    [InlineData(true, 6)]
    [InlineData(false, 9)]
    [InlineData(true, 9)]
    [InlineData(false, 0x80 | 30)]
    [InlineData(true, 0x80 | 10)]
    public void Write_ReadBack_GivesTheSamePacketsAtTheInterfaceResolution(bool bigEndian, byte resolution)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new PcapNgWriter(bigEndian);
        writer.WriteSectionHeader(output);
        int ethernet = writer.AddInterface(output, LinkType.Ethernet, 0, resolution);
        int raw = writer.AddInterface(output, LinkType.Raw, 0, resolution);
        writer.WriteEnhancedPacket(output, ethernet, 1_700_000_000_987_654_321, [1, 2, 3]);
        writer.WriteEnhancedPacket(output, raw, 1_700_000_001_000_000_000, [0x45, 0, 0, 20, 9]);
        writer.WriteSimplePacket(output, [7, 7, 7, 7]);
        writer.WriteSectionHeader(output);
        writer.WriteEnhancedPacket(output, writer.AddInterface(output, LinkType.LinuxSll), 5_000_000, []);

        List<CapturedPacket> packets = CaptureConversion.Packets(output.WrittenSpan.ToArray());

        Assert.Equal(4, packets.Count);
        long step = resolution == 6 ? 1000 : 1;
        long tolerance = resolution is 6 or 9 ? 0 : (long)Math.Ceiling(1e9 / Math.Pow(2, resolution & 0x7F));
        Assert.InRange(1_700_000_000_987_654_321 / step * step - packets[0].TimestampNanoseconds, 0, tolerance);
        Assert.Equal(1_700_000_001_000_000_000, packets[1].TimestampNanoseconds);
        Assert.Equal([LinkType.Ethernet, LinkType.Raw, LinkType.Ethernet, LinkType.LinuxSll], packets.Select(p => p.LinkType));
        Assert.Equal([0, 1, 0, 0], packets.Select(p => p.InterfaceId));
        Assert.Equal(["010203", "4500001409", "07070707", ""], packets.Select(p => Hex.Of(p.Data.ToArray())));
        Assert.False(packets[2].HasTimestamp);
        Assert.Equal(5_000_000, packets[3].TimestampNanoseconds);
    }

    [Fact]
    public void WriteEnhancedPacket_UnknownInterface_Throws()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new PcapNgWriter();
        writer.WriteSectionHeader(output);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteEnhancedPacket(output, 0, 0, []));
        Assert.Throws<InvalidOperationException>(() => writer.WriteSimplePacket(output, []));
    }
}
