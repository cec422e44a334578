using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Protocols.Tests.Net;

public class PacketDissectorTests
{
    private static readonly TcpFrameWriter Inverter = new()
    {
        SourceMac = MacAddress.Parse("00:27:02:1a:08:23"),
        DestinationMac = MacAddress.Parse("02:00:00:00:01:00"),
        Source = InetAddress.Parse("192.0.2.10"),
        Destination = InetAddress.Parse("198.51.100.20"),
        SourcePort = 3051,
        DestinationPort = 22222,
    };

    [Fact]
    public void TryDissectTcp_ShortFrameWithEthernetPadding_PayloadLengthComesFromTheIpHeader()
    {
        byte[] frame = Frame(Inverter, 0x10203040, TcpControlBits.Ack | TcpControlBits.Psh, [0xAA, 0xBB]);

        Assert.Equal(60, frame.Length); // 14 + 20 + 20 + 2, padded with 4 zeros
        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out TcpPacket packet));
        Assert.Equal("aabb", Hex.Of(packet.PayloadOf(frame)));
        Assert.True(packet.HasMacAddresses);
        Assert.Equal("00:27:02:1a:08:23", packet.SourceMac.ToString());
        Assert.Equal("02:00:00:00:01:00", packet.DestinationMac.ToString());
        Assert.Equal("192.0.2.10:3051 -> 198.51.100.20:22222", packet.Flow.ToString());
        Assert.Equal(0x10203040u, packet.SequenceNumber);
        Assert.Equal(TcpControlBits.Ack | TcpControlBits.Psh, packet.Flags);
        Assert.Equal(0, packet.VlanTagCount);
    }

    [Fact]
    public void TryDissectTcp_StackedVlanTags_SkipsThemAndKeepsTheOuterId()
    {
        byte[] frame = Frame(Inverter with { VlanIds = [100, 200] }, 1, TcpControlBits.Ack, "abc"u8.ToArray());

        Assert.Equal("88a8 0064 8100 00c8 0800".Replace(" ", "", StringComparison.Ordinal), Hex.Of(frame.AsSpan(12, 10)));
        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out TcpPacket packet));
        Assert.Equal(2, packet.VlanTagCount);
        Assert.Equal(100, packet.VlanId);
        Assert.Equal("abc", System.Text.Encoding.ASCII.GetString(packet.PayloadOf(frame)));
    }

    [Fact]
    public void TryDissectTcp_IPv6WithHopByHopAndDestinationOptions_FindsTheTcpPayload()
    {
        // Ethernet | IPv6 (payload 39, next = Hop-by-Hop) | HBH (next = 60, PadN) | DestOpts (next = 6, PadN) | TCP | "abc"
        byte[] frame = Hex.Bytes(
            "020000000100 00270200aaaa 86dd" +
            "60000000 0027 00 40 20010db8000000000000000000000010 20010db8000000000000000000000020" +
            "3c00 010400000000" +
            "0600 010400000000" +
            "0beb 56ce 00000064 00000000 5018 ffff 0000 0000" +
            "616263");

        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out TcpPacket packet));
        Assert.Equal("[2001:db8::10]:3051 -> [2001:db8::20]:22222", packet.Flow.ToString());
        Assert.Equal(100u, packet.SequenceNumber);
        Assert.Equal("616263", Hex.Of(packet.PayloadOf(frame)));
    }

    [Fact]
    public void TryDissectTcp_IPv6FrameFromTheWriter_RoundTrips()
    {
        TcpFrameWriter v6 = Inverter with { Source = InetAddress.Parse("2001:db8::10"), Destination = InetAddress.Parse("2001:db8::20") };
        byte[] frame = Frame(v6, 7, TcpControlBits.Syn, []);

        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out TcpPacket packet));
        Assert.False(packet.Source.IsIPv4);
        Assert.Equal(0, packet.PayloadLength);
        Assert.Equal(TcpControlBits.Syn, packet.Flags);
    }

    [Theory]
    [InlineData("0000", DissectStatus.Tcp)]   // first fragment, no more: a whole packet
    [InlineData("0001", DissectStatus.Tcp)]   // first fragment, more follow: its bytes are still the segment's start
    [InlineData("0008", DissectStatus.Fragment)]
    public void TryDissectTcp_IPv6FragmentHeader_IgnoresNonFirstFragments(string offsetAndFlags, DissectStatus expected)
    {
        byte[] frame = Hex.Bytes(
            "020000000100 00270200aaaa 86dd" +
            "60000000 001c 2c 40 20010db8000000000000000000000010 20010db8000000000000000000000020" +
            "0600" + offsetAndFlags + "12345678" +
            "0beb 56ce 00000064 00000000 5018 ffff 0000 0000");

        Assert.Equal(expected, PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out _));
    }

    [Fact]
    public void TryDissectTcp_IPv4NonFirstFragment_IsIgnored()
    {
        byte[] frame = Frame(Inverter, 1, TcpControlBits.Ack, new byte[30]);
        frame[14 + 6] = 0x20; // MF
        frame[14 + 7] = 0x03; // fragment offset 3 (24 bytes)

        Assert.Equal(DissectStatus.Fragment, PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out _));
    }

    [Fact]
    public void TryDissectTcp_IPv4WithOptions_UsesTheHeaderLength()
    {
        byte[] plain = Frame(Inverter with { PadToMinimum = false }, 5, TcpControlBits.Ack, "xyz"u8.ToArray());
        // Insert 4 bytes of IPv4 options (NOP NOP NOP EOL) and fix IHL and total length.
        byte[] frame = [.. plain[..34], 0x01, 0x01, 0x01, 0x00, .. plain[34..]];
        frame[14] = 0x46;
        frame[17] += 4;

        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out TcpPacket packet));
        Assert.Equal("xyz", System.Text.Encoding.ASCII.GetString(packet.PayloadOf(frame)));
    }

    [Fact]
    public void TryDissectTcp_LinuxCookedCaptures_ReadTheSenderAddress()
    {
        byte[] ip = Frame(Inverter with { PadToMinimum = false }, 9, TcpControlBits.Ack, [1, 2])[14..];
        byte[] sll = [.. Hex.Bytes("0004 0001 0006 00270211 2233 0000 0800"), .. ip];
        byte[] sll2 = [.. Hex.Bytes("0800 0000 00000002 0001 04 06 002702112233 0000"), .. ip];

        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(sll, LinkType.LinuxSll, out TcpPacket one));
        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(sll2, LinkType.LinuxSll2, out TcpPacket two));
        Assert.Equal("00:27:02:11:22:33", one.SourceMac.ToString());
        Assert.Equal("00:27:02:11:22:33", two.SourceMac.ToString());
        Assert.Equal("0102", Hex.Of(one.PayloadOf(sll)));
        Assert.Equal("0102", Hex.Of(two.PayloadOf(sll2)));
    }

    [Theory]
    [InlineData(LinkType.Raw, "")]
    [InlineData(LinkType.IPv4, "")]
    [InlineData(LinkType.Null, "02000000")]
    [InlineData(LinkType.Loop, "00000002")]
    public void TryDissectTcp_LinkTypesWithoutMacs_FindTheSegment(LinkType linkType, string prefix)
    {
        byte[] ip = Frame(Inverter with { PadToMinimum = false }, 9, TcpControlBits.Ack, [1, 2])[14..];
        byte[] frame = [.. Hex.Bytes(prefix), .. ip];

        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(frame, linkType, out TcpPacket packet));
        Assert.False(packet.HasMacAddresses);
        Assert.Equal(3051, packet.SourcePort);
    }

    [Theory]
    [InlineData("0806", DissectStatus.NotTcp)]      // ARP
    [InlineData("0800 4500 001c 0000 0000 4011 0000 c000020a c6336414 0000 0000 0008 0000", DissectStatus.NotTcp)] // UDP
    [InlineData("0800 5500 0028", DissectStatus.Truncated)]
    [InlineData("0800 5500 0028 0000 0000 4006 0000 c000020a c6336414 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000", DissectStatus.Malformed)] // version 5
    [InlineData("0800 4400 0028 0000 0000 4006 0000 c000020a c6336414 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000", DissectStatus.Malformed)] // IHL 4
    [InlineData("0800 4500 0030 0000 0000 4006 0000 c000020a c6336414 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000", DissectStatus.Truncated)] // total length beyond capture
    [InlineData("0800 4500 0028 0000 0000 4006 0000 c000020a c6336414 0000 0000 0000 0000 0000 0000 4000 0000 0000 0000", DissectStatus.Malformed)] // data offset 4
    [InlineData("0800 4500 0014 0000 0000 4006 0000 c000020a c6336414", DissectStatus.Malformed)] // no room for TCP
    public void TryDissectTcp_OtherOrBrokenFrames_SayWhy(string afterMacs, DissectStatus expected)
    {
        byte[] frame = [.. Hex.Bytes("020000000100 00270200aaaa"), .. Hex.Bytes(afterMacs)];

        Assert.Equal(expected, PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out _));
    }

    [Fact]
    public void TryDissectTcp_UnknownLinkType_IsUnsupported()
        => Assert.Equal(DissectStatus.UnsupportedLinkType, PacketDissector.TryDissectTcp(new byte[64], (LinkType)147, out _));

    [Fact]
    public void Write_Checksums_VerifyToZero()
    {
        byte[] frame = Frame(Inverter, 123, TcpControlBits.Ack, "odd"u8.ToArray());
        Span<byte> ip = frame.AsSpan(14, 20);
        Span<byte> tcp = frame.AsSpan(34, 23);
        byte[] pseudo = [.. frame.AsSpan(26, 8), 0, 6, 0, 23];

        Assert.Equal(0, InternetChecksum.Finish(InternetChecksum.Add(0, ip)));
        Assert.Equal(0, InternetChecksum.Finish(InternetChecksum.Add(InternetChecksum.Add(0, pseudo), tcp)));
    }

    internal static byte[] Frame(TcpFrameWriter writer, uint sequence, TcpControlBits flags, byte[] payload)
    {
        var frame = new byte[writer.FrameSize(payload.Length)];
        writer.Write(frame, sequence, 0, flags, payload);
        return frame;
    }
}
