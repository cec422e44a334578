using System.Buffers;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Protocols.Tests.Pcap;

public class PcapWriterTests
{
    [Fact]
    public void WriteFileHeader_LittleEndianMicroseconds_MatchesTheDraftLayout()
    {
        var header = new byte[PcapWriter.FileHeaderSize];

        new PcapWriter(LinkType.Ethernet, snapLength: 65535).WriteFileHeader(header);

        Assert.Equal("d4c3b2a1" + "0200" + "0400" + "00000000" + "00000000" + "ffff0000" + "01000000", Hex.Of(header));
    }

    [Fact]
    public void WriteRecord_BigEndianNanoseconds_MatchesTheDraftLayout()
    {
        var record = new byte[PcapWriter.RecordSize(2)];

        int written = new PcapWriter(LinkType.Raw, PcapTimestampPrecision.Nanoseconds, bigEndian: true)
            .WriteRecord(record, 1_999_999_999, [0x45, 0x00], originalLength: 40);

        Assert.Equal(18, written);
        Assert.Equal("00000001" + "3b9ac9ff" + "00000002" + "00000028" + "4500", Hex.Of(record));
    }

    [Theory]
    [InlineData(PcapTimestampPrecision.Microseconds, false)]
    [InlineData(PcapTimestampPrecision.Microseconds, true)]
    [InlineData(PcapTimestampPrecision.Nanoseconds, false)]
    [InlineData(PcapTimestampPrecision.Nanoseconds, true)]
    public void WriteRecord_ReadBack_GivesTheSamePackets(PcapTimestampPrecision precision, bool bigEndian)
    {
        long[] times = [0, 1_465_388_400_123_456_789, 4_294_967_295_999_999_999];
        var output = new ArrayBufferWriter<byte>();
        var writer = new PcapWriter(LinkType.Ethernet, precision, bigEndian);
        writer.WriteFileHeader(output);
        for (int i = 0; i < times.Length; i++)
        {
            writer.WriteRecord(output, times[i], Enumerable.Range(0, i * 50).Select(b => (byte)b).ToArray(), 1000 + i);
        }

        List<CapturedPacket> packets = CaptureConversion.Packets(output.WrittenSpan.ToArray());

        Assert.Equal(times.Length, packets.Count);
        for (int i = 0; i < times.Length; i++)
        {
            long expected = precision == PcapTimestampPrecision.Nanoseconds ? times[i] : times[i] / 1000 * 1000;
            Assert.Equal(expected, packets[i].TimestampNanoseconds);
            Assert.Equal(1000 + i, packets[i].OriginalLength);
            Assert.Equal(i * 50, packets[i].CapturedLength);
            Assert.Equal(LinkType.Ethernet, packets[i].LinkType);
        }
    }

    [Fact]
    public void WriteRecord_TimeBeyond2106_Throws()
    {
        var writer = new PcapWriter(LinkType.Ethernet);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteRecord(new byte[64], 4_294_967_296L * 1_000_000_000, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteRecord(new byte[64], -1, []));
        Assert.Throws<ArgumentException>(() => writer.WriteRecord(new byte[17], 0, [1, 2]));
    }
}
