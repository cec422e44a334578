using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

public class DhcpServerEngineRequestTests
{
    private const string Server = "172.31.254.1";
    private static readonly ClientPacket Request = new(DhcpMessageType.Request);
    private static readonly ClientPacket Other = Request with { Mac = MacAddress.Parse("00:27:02:00:00:02"), Xid = 77 };

    [Fact]
    public void Handle_SelectingWithOurServerId_AcksAndGrants()
    {
        var h = new EngineHarness();
        h.Send(new ClientPacket(DhcpMessageType.Discover) { HostName = "inverter" });
        DhcpDecision d = h.Send(Request with { Requested = "172.31.254.10", ServerId = Server }); // dhclient: ciaddr 0, 50 + 54

        Assert.Equal(DhcpMessageType.Ack, d.ReplyType);
        Assert.Equal("172.31.254.10", h.LastReply!.Yiaddr.ToString());
        Assert.Equal(86400u, h.LastReply.OptionUInt32(DhcpOptionCodes.LeaseTime));
        Assert.Equal(DhcpEventKind.Granted, d.Event!.Kind);
        Assert.Equal("inverter", d.Event.HostName); // remembered from the DISCOVER
        Assert.Equal(EngineHarness.Start.AddDays(1), d.Event.ExpiresAt);
        Assert.True(d.LeasesChanged);
        Assert.Equal(DhcpLeaseState.Bound, h.Engine.Leases.FindByAddress(InetAddress.Parse("172.31.254.10"))!.State);
    }

    [Fact]
    public void Handle_SelectingOtherServer_ForgetsOffer()
    {
        var h = new EngineHarness(new DhcpServerOptions { PoolStart = InetAddress.Parse("172.31.254.10"), PoolEnd = InetAddress.Parse("172.31.254.10") });
        h.Send(new ClientPacket(DhcpMessageType.Discover));
        DhcpDecision d = h.Send(Request with { Requested = "172.31.254.10", ServerId = "172.31.254.99" });
        Assert.False(d.HasReply);
        Assert.Equal(DhcpIgnoreReason.OtherServerSelected, d.Event!.Reason);
        Assert.Equal(0, h.Engine.Leases.Count);
        Assert.True(h.Send(Other with { Type = DhcpMessageType.Discover }).HasReply); // the only address is free again
    }

    [Fact]
    public void Handle_SelectingAddressBoundToOther_NaksBroadcast()
    {
        var h = new EngineHarness();
        h.Lease(Other);
        DhcpDecision d = h.Send(Request with { Requested = "172.31.254.10", ServerId = Server });
        Assert.Equal(DhcpMessageType.Nak, d.ReplyType);
        Assert.Equal(DhcpDestinationKind.Broadcast, d.Destination); // RFC 2131 §4.1: NAKs are broadcast
        Assert.Equal("0.0.0.0", h.LastReply!.Yiaddr.ToString());
        Assert.Equal([53, 54, 56], h.LastReply.Codes);
        Assert.Equal(DhcpEventKind.Refused, d.Event!.Kind);
    }

    [Fact]
    public void Handle_SelectingAfterOfferTimedOut_AcksWhenStillFree()
    {
        var h = new EngineHarness();
        h.Send(new ClientPacket(DhcpMessageType.Discover));
        h.Now += TimeSpan.FromMinutes(5);
        Assert.Equal(DhcpMessageType.Ack, h.Send(Request with { Requested = "172.31.254.10", ServerId = Server }).ReplyType);
    }

    [Fact]
    public void Handle_InitRebootKnownClient_AcksRenewed()
    {
        var h = new EngineHarness();
        string address = h.Lease(Request);
        h.Now += TimeSpan.FromHours(1);
        DhcpDecision d = h.Send(Request with { Requested = address, Broadcast = true }); // no 54, ciaddr 0
        Assert.Equal(DhcpMessageType.Ack, d.ReplyType);
        Assert.Equal(DhcpEventKind.Renewed, d.Event!.Kind);
        Assert.Equal(h.Now.AddDays(1), d.Event.ExpiresAt);
        Assert.Equal(DhcpDestinationKind.Broadcast, d.Destination);
    }

    [Fact]
    public void Handle_InitRebootWrongSubnet_Naks()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Request with { Requested = "192.168.1.10" }); // moved from another network
        Assert.Equal(DhcpMessageType.Nak, d.ReplyType);
    }

    [Fact]
    public void Handle_InitRebootKnownClientWrongAddress_Naks()
    {
        var h = new EngineHarness();
        h.Lease(Request);
        Assert.Equal(DhcpMessageType.Nak, h.Send(Request with { Requested = "172.31.254.40" }).ReplyType);
    }

    [Fact]
    public void Handle_InitRebootUnknownClient_Silent()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Request with { Requested = "172.31.254.40" });
        Assert.False(d.HasReply); // RFC 2131 §4.3.2: MUST remain silent
        Assert.Equal(DhcpIgnoreReason.UnknownClient, d.Event!.Reason);
    }

    [Fact]
    public void Handle_RenewingAtT1_AcksUnicastToCiaddrAndExtends()
    {
        var h = new EngineHarness();
        string address = h.Lease(Request);
        h.Now += TimeSpan.FromHours(12); // T1
        DhcpDecision d = h.Send(Request with { Ciaddr = address });
        Assert.Equal(DhcpMessageType.Ack, d.ReplyType);
        Assert.Equal(DhcpDestinationKind.UnicastToClient, d.Destination);
        Assert.Equal(address, d.DestinationAddress.ToString());
        Assert.Equal(address, h.LastReply!.Ciaddr.ToString());
        Assert.Equal(address, h.LastReply.Yiaddr.ToString());
        Assert.Equal(DhcpEventKind.Renewed, d.Event!.Kind);
        Assert.Equal(h.Now.AddDays(1), h.Engine.Leases.FindByAddress(InetAddress.Parse(address))!.ExpiresAt);
    }

    [Fact]
    public void Handle_RebindingAfterExpiry_AcksGrantedWhenAddressStillFree()
    {
        var h = new EngineHarness();
        string address = h.Lease(Request);
        h.Now += TimeSpan.FromDays(2);
        h.Engine.Expire(h.Now);
        DhcpDecision d = h.Send(Request with { Ciaddr = address, Broadcast = true });
        Assert.Equal(DhcpMessageType.Ack, d.ReplyType);
        Assert.Equal(DhcpEventKind.Granted, d.Event!.Kind);
    }

    [Fact]
    public void Handle_RenewingUnknownClientFreeAddress_Adopts()
    {
        var h = new EngineHarness(); // e.g. the lease file was lost
        DhcpDecision d = h.Send(Request with { Ciaddr = "172.31.254.30" });
        Assert.Equal(DhcpMessageType.Ack, d.ReplyType);
        Assert.Equal(DhcpEventKind.Granted, d.Event!.Kind);
    }

    [Theory]
    [InlineData("172.31.254.10")] // bound to the other client
    [InlineData("10.1.1.1")] // wrong network
    public void Handle_RenewingAddressNotItsOwn_Naks(string ciaddr)
    {
        var h = new EngineHarness();
        h.Lease(Other);
        Assert.Equal(DhcpMessageType.Nak, h.Send(Request with { Ciaddr = ciaddr }).ReplyType);
    }

    [Fact]
    public void Handle_RenewingOutsidePoolUnknown_Silent()
    {
        var h = new EngineHarness();
        Assert.Equal(DhcpIgnoreReason.UnknownClient, h.Send(Request with { Ciaddr = "172.31.254.200" }).Event!.Reason);
    }

    [Fact]
    public void Handle_RelayedNak_GoesToGiaddrWithBroadcastBit()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(Request with { Requested = "10.0.0.9", Giaddr = "172.31.254.2" });
        Assert.Equal(DhcpMessageType.Nak, d.ReplyType);
        Assert.Equal(DhcpDestinationKind.Relay, d.Destination);
        Assert.Equal(DhcpMessage.BroadcastFlag, h.LastReply!.Flags);
    }

    [Fact]
    public void Handle_RequestWithoutAnyAddress_IgnoredMalformed()
    {
        var h = new EngineHarness();
        Assert.Equal(DhcpIgnoreReason.Malformed, h.Send(Request).Event!.Reason);
        Assert.Equal(DhcpIgnoreReason.Malformed, h.Send(Request with { ServerId = Server }).Event!.Reason);
    }
}
