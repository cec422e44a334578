using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

public class DhcpMessageTests
{
    private const string Cookie = "63825363";

    // A DISCOVER laid out as dhclient sends it (RFC 2131 §4.4.1): broadcast flag clear, ciaddr 0, option 50 with the
    // previous lease, host name, and its usual parameter request list.
    private static readonly byte[] DhclientDiscover = Hex.Bytes(
        "01 01 06 00  3903f326  0000 0000  00000000 00000000 00000000 00000000" +
        "0027021a0823 00000000000000000000" + new string('0', 2 * 192) + Cookie +
        "350101 3204c0a8010a 0c08696e766572746572" +
        "370d 011c02030f06770c2c2f1a792a ff 000000");

    // A DISCOVER laid out as busybox udhcpc sends it: broadcast flag set, client id 01+MAC, max size 576,
    // vendor class (60) "udhcp 1.36.1".
    private static readonly byte[] UdhcpcDiscover = Hex.Bytes(
        "01 01 06 00  a1b2c3d4  0000 8000  00000000 00000000 00000000 00000000" +
        "0027021a0823 00000000000000000000" + new string('0', 2 * 192) + Cookie +
        "350101 3d07010027021a0823 39020240 3c0c756468637020312e33362e31 3707 0103060c0f1c2a ff");

    [Fact]
    public void TryRead_DhclientDiscover_ReadsHeaderAndOptions()
    {
        Assert.Equal(DhcpReadStatus.Ok, DhcpMessage.TryRead(DhclientDiscover, out DhcpMessage m));
        Assert.Equal(DhcpMessage.BootRequest, m.Op);
        Assert.True(m.IsEthernet);
        Assert.Equal(0x3903f326u, m.TransactionId);
        Assert.False(m.IsBroadcast);
        Assert.Equal(MacAddress.Parse("00:27:02:1a:08:23"), m.ClientMac);
        Assert.Equal(DhcpMessageType.Discover, m.MessageType);
        Assert.True(m.TryGetRequestedAddress(out InetAddress requested));
        Assert.Equal("192.168.1.10", requested.ToString());
        Assert.Equal("inverter", System.Text.Encoding.ASCII.GetString(m.HostName));
        Assert.Equal(Hex.Bytes("011c02030f06770c2c2f1a792a"), m.ParameterRequestList.ToArray());
        Assert.True(m.ClientIdentifier.IsEmpty);
        Assert.False(m.TryGetServerIdentifier(out _));
    }

    [Fact]
    public void TryRead_UdhcpcDiscover_ReadsBroadcastClientIdAndMaxSize()
    {
        Assert.Equal(DhcpReadStatus.Ok, DhcpMessage.TryRead(UdhcpcDiscover, out DhcpMessage m));
        Assert.True(m.IsBroadcast);
        Assert.Equal(Hex.Bytes("010027021a0823"), m.ClientIdentifier.ToArray());
        Assert.True(m.TryGetMaxMessageSize(out ushort max));
        Assert.Equal(576, max);
        Assert.True(m.TryGetOption(60, out ReadOnlySpan<byte> vendor));
        Assert.Equal("udhcp 1.36.1", System.Text.Encoding.ASCII.GetString(vendor));
    }

    [Fact]
    public void TryRead_OptionOverloadBoth_ReadsOptionsFromFileThenSname()
    {
        byte[] packet = UdhcpcDiscover.ToArray();
        int options = DhcpMessage.FixedLength;
        Hex.Bytes("350101 340103 ff").CopyTo(packet, options); // type, overload = file + sname, end
        Hex.Bytes("0c0466696c65 ff").CopyTo(packet, 108); // host name "file" in 'file'
        Hex.Bytes("0f03736e6d 0c0478787878 ff").CopyTo(packet, 44); // domain "snm", second host name in 'sname'

        Assert.Equal(DhcpReadStatus.Ok, DhcpMessage.TryRead(packet, out DhcpMessage m));
        Assert.Equal(3, m.Overload);
        Assert.Equal("file", System.Text.Encoding.ASCII.GetString(m.HostName)); // 'file' before 'sname' (RFC 2131 §4.1)
        Assert.Equal("snm", System.Text.Encoding.ASCII.GetString(m.DomainName));
        Assert.True(m.ServerName.IsEmpty);
        Assert.True(m.BootFileName.IsEmpty);
        var codes = new List<byte>();
        foreach (DhcpOption option in m.Options)
        {
            codes.Add(option.Code);
        }

        Assert.Equal([53, 52, 12, 15, 12], codes);
    }

    [Theory]
    [InlineData(0, DhcpReadStatus.TooShort)]
    [InlineData(239, DhcpReadStatus.TooShort)]
    public void TryRead_ShortInput_TooShort(int length, DhcpReadStatus expected) =>
        Assert.Equal(expected, DhcpMessage.TryRead(DhclientDiscover.AsSpan(0, length), out _));

    [Fact]
    public void TryRead_BadFields_ReportsWhy()
    {
        byte[] op = DhclientDiscover.ToArray();
        op[0] = 3;
        byte[] hlen = DhclientDiscover.ToArray();
        hlen[2] = 17;
        byte[] cookie = DhclientDiscover.ToArray();
        cookie[239] = 0;
        byte[] truncated = DhclientDiscover[..(DhcpMessage.FixedLength + 5)]; // 350101 3204 c0 — option 50 cut short
        byte[] overload = DhclientDiscover.ToArray();
        Hex.Bytes("340104").CopyTo(overload, DhcpMessage.FixedLength + 3);

        Assert.Equal(DhcpReadStatus.InvalidOp, DhcpMessage.TryRead(op, out _));
        Assert.Equal(DhcpReadStatus.InvalidHardwareLength, DhcpMessage.TryRead(hlen, out _));
        Assert.Equal(DhcpReadStatus.NoMagicCookie, DhcpMessage.TryRead(cookie, out _));
        Assert.Equal(DhcpReadStatus.TruncatedOption, DhcpMessage.TryRead(truncated, out _));
        Assert.Equal(DhcpReadStatus.InvalidOverload, DhcpMessage.TryRead(overload, out _));
    }

    [Fact]
    public void TryRead_NoEndOption_Tolerated()
    {
        byte[] packet = [.. DhclientDiscover[..DhcpMessage.FixedLength], .. Hex.Bytes("350103")];
        Assert.Equal(DhcpReadStatus.Ok, DhcpMessage.TryRead(packet, out DhcpMessage m));
        Assert.Equal(DhcpMessageType.Request, m.MessageType);
    }

    [Fact]
    public void Writer_HeaderAndOptions_RoundTrip()
    {
        var buffer = new byte[400];
        var writer = new DhcpMessageWriter(buffer);
        var header = new DhcpHeader
        {
            Op = DhcpMessage.BootReply, HardwareType = 1, Hops = 2, TransactionId = 0xdeadbeef, Seconds = 7, Flags = DhcpMessage.BroadcastFlag,
            ClientAddress = InetAddress.Parse("10.0.0.1"), YourAddress = InetAddress.Parse("10.0.0.2"),
            NextServerAddress = InetAddress.Parse("10.0.0.3"), GatewayAddress = InetAddress.Parse("10.0.0.4"),
        };
        Assert.True(writer.TryWriteHeader(header, Hex.Bytes("0027021a0823")));
        Assert.True(writer.TryWriteByte(DhcpOptionCodes.MessageType, 5));
        Assert.True(writer.TryWriteAddresses(DhcpOptionCodes.DomainNameServer, [InetAddress.Parse("10.0.0.1"), InetAddress.Parse("10.0.0.9")]));
        Assert.True(writer.TryWriteUInt32(DhcpOptionCodes.LeaseTime, 86400));
        int length = writer.Finish();

        Assert.Equal(DhcpMessageWriter.MinimumBootpLength, length); // padded (RFC 1542 §2.1)
        Assert.Equal(DhcpReadStatus.Ok, DhcpMessage.TryRead(buffer.AsSpan(0, length), out DhcpMessage m));
        Assert.Equal(header with { HardwareType = 1 }, new DhcpHeader
        {
            Op = m.Op, HardwareType = m.HardwareType, Hops = m.Hops, TransactionId = m.TransactionId, Seconds = m.Seconds, Flags = m.Flags,
            ClientAddress = m.ClientAddress, YourAddress = m.YourAddress, NextServerAddress = m.NextServerAddress, GatewayAddress = m.GatewayAddress,
        });
        Assert.Equal(DhcpMessageType.Ack, m.MessageType);
        Assert.Equal(Hex.Bytes("0a0000010a000009"), m.DomainNameServers.ToArray());
        Assert.True(m.TryGetLeaseTime(out uint lease));
        Assert.Equal(86400u, lease);
    }

    [Fact]
    public void Writer_NoRoom_ReturnsFalseAndKeepsRoomForEnd()
    {
        var buffer = new byte[DhcpMessage.FixedLength + 4];
        var writer = new DhcpMessageWriter(buffer);
        Assert.True(writer.TryWriteHeader(default, Hex.Bytes("0027021a0823")));
        Assert.False(writer.TryWriteUInt32(DhcpOptionCodes.LeaseTime, 1)); // needs 6, 3 left after End
        Assert.True(writer.TryWriteByte(DhcpOptionCodes.MessageType, 1));
        Assert.Equal(buffer.Length, writer.Finish());
        Assert.False(new DhcpMessageWriter(new byte[100]).TryWriteHeader(default, []));
        Assert.Equal(0, new DhcpMessageWriter(new byte[100]).Finish());
    }
}
