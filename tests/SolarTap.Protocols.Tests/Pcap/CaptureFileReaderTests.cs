using System.Buffers;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Protocols.Tests.Pcap;

public class CaptureFileReaderTests
{
    // draft-ietf-opsawg-pcap: big-endian, microseconds, snaplen 65535, Ethernet; one record of 4 of 60 bytes.
    private static readonly byte[] BigEndianMicroseconds = Hex.Bytes(
        "a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000001" +
        "57580d70 000186a0 00000004 0000003c deadbeef");

    // Little-endian, nanoseconds, LINKTYPE_RAW; one record at 1.999999999 s.
    private static readonly byte[] LittleEndianNanoseconds = Hex.Bytes(
        "4d3cb2a1 0200 0400 00000000 00000000 ffff0000 65000000" +
        "01000000 ffc99a3b 02000000 02000000 4500");

    // draft-ietf-opsawg-pcapng: a little-endian section (IDB with if_tsresol = 9, EPB, unknown block, SPB, obsolete PB)
    // followed by a big-endian section (IDB for LINKTYPE_RAW with if_tsresol = 0x94, i.e. 2^-20 s, and an EPB).
    internal static readonly byte[] TwoSections = Hex.Bytes(
        "0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffff ffffffff 1c000000" +
        "01000000 20000000 0100 0000 ffff0000 0900 0100 09000000 0000 0000 20000000" +
        "06000000 28000000 00000000 0d12d114 15cd7182 06000000 3c000000 010203040506 0000 28000000" +
        "ad0b0000 10000000 cafebabe 10000000" +
        "03000000 14000000 04000000 aabbccdd 14000000" +
        "02000000 24000000 0000 0000 0d12d114 15cd7182 04000000 04000000 11223344 24000000" +
        "0a0d0d0a 0000001c 1a2b3c4d 0001 0000 ffffffff ffffffff 0000001c" +
        "00000001 00000020 0065 0000 00000000 0009 0001 94000000 0000 0000 00000020" +
        "00000006 00000028 00000000 00000000 3e880000 00000006 00000006 a1a2a3a4a5a6 0000 00000028");

    [Fact]
    public void TryReadPacket_BigEndianMicrosecondPcap_ReadsTimestampLengthsAndData()
    {
        (List<Packet> packets, CaptureFileReader reader) = ReadAll(BigEndianMicroseconds);

        Assert.Equal(CaptureFormat.Pcap, reader.Format);
        Packet packet = Assert.Single(packets);
        Assert.Equal(1_465_388_400_100_000_000, packet.Nanoseconds);
        Assert.Equal(new DateTimeOffset(2016, 6, 8, 12, 20, 0, 100, TimeSpan.Zero), packet.Timestamp);
        Assert.Equal(LinkType.Ethernet, packet.LinkType);
        Assert.Equal(60, packet.OriginalLength);
        Assert.Equal("deadbeef", packet.Hex);
    }

    [Fact]
    public void TryReadPacket_LittleEndianNanosecondPcap_KeepsEveryNanosecond()
    {
        (List<Packet> packets, _) = ReadAll(LittleEndianNanoseconds);

        Packet packet = Assert.Single(packets);
        Assert.Equal(1_999_999_999, packet.Nanoseconds);
        Assert.Equal(LinkType.Raw, packet.LinkType);
        Assert.Equal("4500", packet.Hex);
    }

    [Fact]
    public void TryReadPacket_PcapNgTwoSections_ReadsEveryPacketBlockInBothByteOrders()
    {
        (List<Packet> packets, CaptureFileReader reader) = ReadAll(TwoSections);

        Assert.Equal(CaptureFormat.PcapNg, reader.Format);
        Assert.Equal(
            [
                new Packet(1_500_000_000_123_456_789, true, LinkType.Ethernet, 0, 60, "010203040506"),
                new Packet(0, false, LinkType.Ethernet, 0, 4, "aabbccdd"),
                new Packet(1_500_000_000_123_456_789, true, LinkType.Ethernet, 0, 4, "11223344"),
                new Packet(1_000_500_000_000, true, LinkType.Raw, 0, 6, "a1a2a3a4a5a6"),
            ],
            packets);
        Assert.Equal(2, reader.Statistics.Sections);
        Assert.Equal(2, reader.Statistics.Interfaces);
        Assert.Equal(1, reader.Statistics.SkippedBlocks);
        Assert.Equal(TwoSections.Length, reader.Statistics.BytesConsumed);
    }

    [Fact]
    public void TryReadPacket_InterfaceWithTimestampOffset_AddsTheOffsetSeconds()
    {
        byte[] file = Hex.Bytes(
            "0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffff ffffffff 1c000000" +
            "01000000 24000000 0100 0000 00000000 0e00 0800 6400000000000000 0000 0000 24000000" +
            "06000000 20000000 00000000 00000000 01000000 00000000 00000000 20000000");

        (List<Packet> packets, _) = ReadAll(file);

        Assert.Equal(100_000_001_000, Assert.Single(packets).Nanoseconds);
    }

    [Fact]
    public void TryReadPacket_EveryTwoSegmentSplit_ReadsTheSamePackets()
    {
        foreach (byte[] file in new[] { BigEndianMicroseconds, LittleEndianNanoseconds, TwoSections })
        {
            List<Packet> whole = ReadAll(file).Packets;
            for (int cut = 1; cut < file.Length; cut++)
            {
                Assert.Equal(whole, ReadAll(file, Sequences.Split(file, cut, cut + 7)).Packets);
            }
        }
    }

    [Fact]
    public void TryReadPacket_FedInGrowingPrefixes_NeverConsumesAnIncompleteRecord()
    {
        var reader = new CaptureFileReader();
        int consumed = 0;
        int packets = 0;
        for (int end = 0; end <= TwoSections.Length; end++)
        {
            var buffer = new ReadOnlySequence<byte>(TwoSections, consumed, end - consumed);
            while (reader.TryReadPacket(ref buffer, out _) == OperationStatus.Done)
            {
                packets++;
            }

            consumed = end - (int)buffer.Length;
        }

        Assert.Equal(4, packets);
        Assert.Equal(TwoSections.Length, consumed);
    }

    [Theory]
    [InlineData("3c21444f43545950", "not a pcap or pcapng file: starts with 3c 21 44 4f")]
    [InlineData("a1b2c3d4 0003 0000 00000000 00000000 0000ffff 00000001", "unsupported pcap version 3.0 (only 2.x exists)")]
    [InlineData("0a0d0d0a 1c000000 11223344 0100 0000", "pcapng section header at byte 0 has an unknown byte-order magic 11223344")]
    [InlineData("0a0d0d0a 1d000000 4d3c2b1a 0100 0000", "pcapng block of type 0x0a0d0d0a at byte 0 declares length 29: must be a multiple of 4 and at least 28")]
    [InlineData("0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffff ffffffff 20000000", "pcapng block of type 0x0a0d0d0a at byte 0: trailing length 32 differs from leading length 28")]
    [InlineData("0a0d0d0a 1c000000 4d3c2b1a 0200 0000 ffffffff ffffffff 1c000000", "unsupported pcapng version 2.0 at byte 0 (only 1.x is defined)")]
    public void TryReadPacket_BrokenInput_ReportsInvalidDataWithAPlainMessage(string hex, string message)
    {
        var reader = new CaptureFileReader();
        var buffer = new ReadOnlySequence<byte>(Hex.Bytes(hex));

        Assert.Equal(OperationStatus.InvalidData, reader.TryReadPacket(ref buffer, out _));
        Assert.Equal(message, reader.Error);
        Assert.Equal(OperationStatus.InvalidData, reader.TryReadPacket(ref buffer, out _)); // and stays so
    }

    [Fact]
    public void TryReadPacket_RecordLongerThanTheCap_FailsBeforeWaitingForIt()
    {
        byte[] file = Hex.Bytes("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000 00000000 00000000 01000100 01000100");
        var reader = new CaptureFileReader(maxRecordLength: 65536);
        var buffer = new ReadOnlySequence<byte>(file);

        Assert.Equal(OperationStatus.InvalidData, reader.TryReadPacket(ref buffer, out _));
        Assert.Equal("pcap record 1 at byte 24 declares 65537 captured bytes, more than the limit of 65536", reader.Error);
    }

    [Fact]
    public void TryReadPacket_PcapNgBlockLongerThanTheCap_FailsBeforeWaitingForIt()
    {
        byte[] file = Hex.Bytes("0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffff ffffffff 1c000000 06000000 00101000");
        var reader = new CaptureFileReader();
        var buffer = new ReadOnlySequence<byte>(file);

        Assert.Equal(OperationStatus.InvalidData, reader.TryReadPacket(ref buffer, out _));
        Assert.Equal("pcapng block of type 0x00000006 at byte 28 declares length 1052672, more than the limit of 1048576", reader.Error);
    }

    [Fact]
    public void TryReadPacket_EnhancedPacketClaimingMoreThanItsBlock_IsInvalid()
    {
        byte[] file = Hex.Bytes(
            "0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffff ffffffff 1c000000" +
            "01000000 14000000 0100 0000 00000000 14000000" +
            "06000000 28000000 00000000 00000000 00000000 09000000 09000000 0102030405060708 28000000");
        var reader = new CaptureFileReader();
        var buffer = new ReadOnlySequence<byte>(file);

        Assert.Equal(OperationStatus.InvalidData, reader.TryReadPacket(ref buffer, out _));
        Assert.Equal("pcapng packet at byte 48 declares 9 captured bytes but its block holds only 8", reader.Error);
    }

    [Theory]
    [InlineData("", "empty input: not a pcap or pcapng file")]
    [InlineData("d4c3", "input ends after 2 bytes: too short for a pcap or pcapng file header")]
    [InlineData("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000 00000000 00000000 04000000", "capture is truncated: the last 12 bytes are an incomplete pcap record")]
    public void DescribeEndOfInput_IncompleteFile_SaysWhatIsMissing(string hex, string message)
    {
        var reader = new CaptureFileReader();
        var buffer = new ReadOnlySequence<byte>(Hex.Bytes(hex));
        while (reader.TryReadPacket(ref buffer, out _) == OperationStatus.Done)
        {
        }

        Assert.Equal(message, reader.DescribeEndOfInput(buffer.Length));
    }

    internal static (List<Packet> Packets, CaptureFileReader Reader) ReadAll(byte[] file, ReadOnlySequence<byte>? input = null)
    {
        var reader = new CaptureFileReader();
        ReadOnlySequence<byte> buffer = input ?? new ReadOnlySequence<byte>(file);
        var packets = new List<Packet>();
        OperationStatus status;
        while ((status = reader.TryReadPacket(ref buffer, out CapturedPacket packet)) == OperationStatus.Done)
        {
            packets.Add(Packet.From(packet));
        }

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.True(buffer.IsEmpty, reader.DescribeEndOfInput(buffer.Length));
        return (packets, reader);
    }

    internal sealed record Packet(long Nanoseconds, bool HasTimestamp, LinkType LinkType, int InterfaceId, long OriginalLength, string Hex)
    {
        public DateTimeOffset Timestamp => new CapturedPacket { TimestampNanoseconds = Nanoseconds }.Timestamp;

        public static Packet From(in CapturedPacket packet) => new(
            packet.TimestampNanoseconds, packet.HasTimestamp, packet.LinkType, packet.InterfaceId, packet.OriginalLength,
            SolarTap.Testing.Hex.Of(packet.Data.ToArray()));
    }
}
