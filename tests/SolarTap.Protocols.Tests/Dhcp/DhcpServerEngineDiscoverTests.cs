using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

public class DhcpServerEngineDiscoverTests
{
    private static readonly ClientPacket Discover = new(DhcpMessageType.Discover);

    [Fact]
    public void Handle_DiscoverFromInverter_OffersFirstPoolAddressWithOptions()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Discover with { HostName = "SE-7F104920" });

        Assert.Equal(DhcpMessageType.Offer, d.ReplyType);
        ParsedReply r = h.LastReply!;
        Assert.Equal(DhcpMessage.BootReply, r.Op);
        Assert.Equal(Discover.Xid, r.Xid);
        Assert.Equal("172.31.254.10", r.Yiaddr.ToString());
        Assert.Equal(ClientPacket.Inverter, r.Mac);
        Assert.Equal(86400u, r.OptionUInt32(DhcpOptionCodes.LeaseTime));
        Assert.Equal(43200u, r.OptionUInt32(DhcpOptionCodes.RenewalTime)); // T1 = 50 % (RFC 2131 §4.4.5)
        Assert.Equal(75600u, r.OptionUInt32(DhcpOptionCodes.RebindingTime)); // T2 = 87.5 %
        Assert.Equal(0xffffff00u, r.OptionUInt32(DhcpOptionCodes.SubnetMask));
        Assert.Equal(Hex.Bytes("ac1ffe01"), r.Option(DhcpOptionCodes.ServerIdentifier));
        Assert.Equal(Hex.Bytes("ac1ffe01"), r.Option(DhcpOptionCodes.Router));
        Assert.Equal(Hex.Bytes("ac1ffe01"), r.Option(DhcpOptionCodes.DomainNameServer));
        Assert.Null(r.Option(DhcpOptionCodes.DomainName));
        Assert.True(r.Length >= DhcpMessageWriter.MinimumBootpLength);
        Assert.Equal(new DhcpLeaseEvent(DhcpEventKind.Offered, ClientPacket.Inverter, r.Yiaddr, "SE-7F104920", EngineHarness.Start.AddSeconds(60)), d.Event);
        Assert.False(d.LeasesChanged); // offers are not persisted
    }

    [Fact]
    public void Handle_DiscoverWithoutBroadcastFlag_UnicastsToYiaddrAndChaddr()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Discover);
        Assert.Equal(DhcpDestinationKind.UnicastToHardware, d.Destination);
        Assert.Equal("172.31.254.10", d.DestinationAddress.ToString());
        Assert.Equal(ClientPacket.Inverter, d.DestinationMac);
        Assert.Equal(DhcpDecision.ClientPort, d.DestinationPort);
    }

    [Fact]
    public void Handle_DiscoverWithBroadcastFlag_Broadcasts()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Discover with { Broadcast = true }); // as udhcpc sends it
        Assert.Equal(DhcpDestinationKind.Broadcast, d.Destination);
        Assert.Equal("255.255.255.255", d.DestinationAddress.ToString());
        Assert.Equal(DhcpMessage.BroadcastFlag, h.LastReply!.Flags); // flags copied back (RFC 2131 table 3)
    }

    [Fact]
    public void Handle_DiscoverRelayed_SendsToGiaddrPort67()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Discover with { Giaddr = "172.31.254.2" });
        Assert.Equal(DhcpDestinationKind.Relay, d.Destination);
        Assert.Equal("172.31.254.2", d.DestinationAddress.ToString());
        Assert.Equal(DhcpDecision.ServerPort, d.DestinationPort);
        Assert.Equal("172.31.254.2", h.LastReply!.Giaddr.ToString());
    }

    [Fact]
    public void Handle_DiscoverRelayedFromOtherSubnet_IgnoredWrongSubnet()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Discover with { Giaddr = "10.9.9.1" });
        Assert.False(d.HasReply);
        Assert.Equal(DhcpIgnoreReason.WrongSubnet, d.Event!.Reason);
    }

    [Theory]
    [InlineData("172.31.254.33", "172.31.254.33")] // free pool address: granted (RFC 2131 §4.3.1)
    [InlineData("172.31.254.200", "172.31.254.10")] // in subnet, outside pool: next free
    [InlineData("10.0.0.5", "172.31.254.10")] // other subnet: next free
    [InlineData("172.31.254.1", "172.31.254.10")] // the server itself: next free
    public void Handle_DiscoverWithRequestedAddress_OffersItOnlyWhenFree(string requested, string expected)
    {
        var h = new EngineHarness();
        h.Send(Discover with { Requested = requested });
        Assert.Equal(expected, h.LastReply!.Yiaddr.ToString());
    }

    [Fact]
    public void Handle_DiscoverFromReservedMac_OffersReservationEvenOutsidePoolAndFilter()
    {
        var options = new DhcpServerOptions();
        var pi = MacAddress.Parse("b8:27:eb:00:00:01");
        options.Reservations.Add(new DhcpReservation(pi, InetAddress.Parse("172.31.254.5")));
        options.Reservations.Add(new DhcpReservation(ClientPacket.Inverter, InetAddress.Parse("172.31.254.20")));
        var h = new EngineHarness(options);

        h.Send(Discover with { Mac = pi });
        Assert.Equal("172.31.254.5", h.LastReply!.Yiaddr.ToString());
        h.Send(Discover with { Requested = "172.31.254.30" });
        Assert.Equal("172.31.254.20", h.LastReply!.Yiaddr.ToString());
        h.Send(Discover with { Mac = MacAddress.Parse("00:27:02:00:00:02"), Requested = "172.31.254.20" });
        Assert.Equal("172.31.254.10", h.LastReply!.Yiaddr.ToString()); // a reserved address is not given to others
    }

    [Theory]
    [InlineData("00:27:02:ff:ff:ff", true)] // SolarEdge (spec §5.3)
    [InlineData("00:40:9d:01:02:03", true)] // Digi module (spec §5.4)
    [InlineData("b8:27:eb:01:02:03", false)] // Raspberry Pi, not configured
    [InlineData("3c:22:fb:01:02:03", false)] // a laptop
    public void Handle_DiscoverByMac_DefaultFilterAnswersSolarEdgeOnly(string mac, bool answered)
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Discover with { Mac = MacAddress.Parse(mac) });
        Assert.Equal(answered, d.HasReply);
        if (!answered)
        {
            Assert.Equal(DhcpEventKind.Ignored, d.Event!.Kind);
            Assert.Equal(DhcpIgnoreReason.MacNotAllowed, d.Event.Reason);
            Assert.Equal(MacAddress.Parse(mac), d.Event.Mac);
        }
    }

    [Fact]
    public void Handle_DiscoverByMac_ConfiguredPrefixAndMacAnswered()
    {
        var options = new DhcpServerOptions { AllowSolarEdgeMacs = false };
        options.AllowedMacPrefixes.Add(MacPrefix.Parse("b8:27:eb"));
        options.AllowedMacs.Add(MacAddress.Parse("3c:22:fb:01:02:03"));
        var h = new EngineHarness(options);
        Assert.True(h.Send(Discover with { Mac = MacAddress.Parse("b8:27:eb:01:02:03") }).HasReply);
        Assert.True(h.Send(Discover with { Mac = MacAddress.Parse("3c:22:fb:01:02:03") }).HasReply);
        Assert.False(h.Send(Discover).HasReply); // SolarEdge switched off
        Assert.True(new EngineHarness(new DhcpServerOptions { AllowAnyMac = true }).Send(Discover with { Mac = MacAddress.Parse("3c:22:fb:09:09:09") }).HasReply);
    }

    [Fact]
    public void Handle_PoolExhausted_IgnoredUntilOfferTimesOut()
    {
        var h = new EngineHarness(new DhcpServerOptions { PoolStart = InetAddress.Parse("172.31.254.10"), PoolEnd = InetAddress.Parse("172.31.254.10") });
        var other = Discover with { Mac = MacAddress.Parse("00:27:02:00:00:02") };
        Assert.True(h.Send(Discover).HasReply);
        DhcpDecision d = h.Send(other);
        Assert.Equal(DhcpIgnoreReason.PoolExhausted, d.Event!.Reason);

        h.Now += TimeSpan.FromSeconds(61); // the first offer was never requested
        Assert.True(h.Send(other).HasReply);
        Assert.Equal("172.31.254.10", h.LastReply!.Yiaddr.ToString());
    }

    [Fact]
    public void Handle_RequestListOrder_OptionsFollowItWithMaskBeforeRouter()
    {
        var options = new DhcpServerOptions { DomainName = "solartap.lan" };
        var h = new EngineHarness(options);
        h.Send(Discover with { RequestList = [6, 15, 3, 1, 58, 42] });
        // 53, 54, 51 first; then the client's order (3 pulls 1 ahead of it, RFC 2132 §3.3); then the rest.
        Assert.Equal([53, 54, 51, 6, 15, 1, 3, 58, 59], h.LastReply!.Codes);
        Assert.Equal("solartap.lan"u8.ToArray(), h.LastReply.Option(DhcpOptionCodes.DomainName));
    }

    [Fact]
    public void Handle_DhcpcdClientId_EchoedAndIdentifiesTheClient()
    {
        var h = new EngineHarness();
        byte[] duid = Hex.Bytes("ff 27021a08 0001 0001 2c5a1b3e 0027021a0823"); // RFC 4361: 0xff, IAID, DUID-LLT
        h.Send(Discover with { ClientId = duid });
        Assert.Equal(duid, h.LastReply!.Option(DhcpOptionCodes.ClientIdentifier)); // RFC 6842
        Assert.Equal("172.31.254.10", h.LastReply.Yiaddr.ToString());
        h.Send(Discover with { ClientId = Hex.Bytes("010027021a0823") }); // same MAC, other identity
        Assert.Equal("172.31.254.11", h.LastReply!.Yiaddr.ToString());
    }

    [Fact]
    public void Handle_NotDhcpOrNotEthernetOrReply_Ignored()
    {
        var h = new EngineHarness();
        byte[] bootp = Discover.Build();
        bootp[DhcpMessage.FixedLength] = DhcpOptionCodes.Pad; // 35 01 01 → 00 01 01: no option 53
        bootp[DhcpMessage.FixedLength + 1] = DhcpOptionCodes.Pad;
        bootp[DhcpMessage.FixedLength + 2] = DhcpOptionCodes.Pad;
        byte[] token = Discover.Build();
        token[1] = 6; // IEEE 802 token ring
        byte[] reply = Discover.Build();
        reply[0] = DhcpMessage.BootReply;
        Assert.Equal(DhcpIgnoreReason.NotDhcp, h.Send(bootp).Event!.Reason);
        Assert.Equal(DhcpIgnoreReason.NotEthernet, h.Send(token).Event!.Reason);
        Assert.Equal(DhcpIgnoreReason.NotARequest, h.Send(reply).Event!.Reason);
        Assert.Equal(DhcpIgnoreReason.UnsupportedMessageType, h.Send(new ClientPacket(DhcpMessageType.Offer)).Event!.Reason);
    }

    [Fact]
    public void Handle_SmallReplyBuffer_Throws()
    {
        var engine = new DhcpServerEngine(new DhcpServerOptions());
        byte[] packet = Discover.Build();
        Assert.Throws<ArgumentException>(() =>
        {
            DhcpMessage.TryRead(packet, out DhcpMessage m);
            engine.Handle(m, EngineHarness.Start, new byte[100]);
        });
    }
}
