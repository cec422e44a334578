using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

public class DhcpServerEngineLifecycleTests
{
    private static readonly ClientPacket Client = new(DhcpMessageType.Request) { HostName = "SE-inverter" };
    private static readonly ClientPacket Other = new(DhcpMessageType.Request) { Mac = MacAddress.Parse("00:27:02:00:00:02") };

    private static DhcpServerOptions OneAddressPool() =>
        new() { PoolStart = InetAddress.Parse("172.31.254.10"), PoolEnd = InetAddress.Parse("172.31.254.10") };

    [Fact]
    public void Handle_Release_ReleasedAndSameAddressNextTime()
    {
        var h = new EngineHarness();
        string address = h.Lease(Client);
        h.Lease(Other);
        DhcpDecision d = h.Send(Client with { Type = DhcpMessageType.Release, Ciaddr = address, ServerId = "172.31.254.1" });
        Assert.False(d.HasReply);
        Assert.Equal(new DhcpLeaseEvent(DhcpEventKind.Released, ClientPacket.Inverter, InetAddress.Parse(address), "SE-inverter", null), d.Event);
        Assert.True(d.LeasesChanged);
        Assert.Equal(DhcpLeaseState.Released, h.Engine.Leases.FindByAddress(InetAddress.Parse(address))!.State);
        Assert.Equal(address, h.Lease(Client)); // previous address again (RFC 2131 §4.3.1)
    }

    [Fact]
    public void Handle_ReleaseOfAddressNotHeld_Ignored()
    {
        var h = new EngineHarness();
        h.Lease(Client);
        Assert.Equal(DhcpIgnoreReason.NotHeld, h.Send(Client with { Type = DhcpMessageType.Release, Ciaddr = "172.31.254.44" }).Event!.Reason);
        Assert.Equal(DhcpIgnoreReason.NotHeld, h.Send(Client with { Type = DhcpMessageType.Release, Ciaddr = "172.31.254.10", ServerId = "172.31.254.9" }).Event!.Reason);
    }

    [Fact]
    public void Handle_Decline_AddressHeldBackThenReusable()
    {
        var h = new EngineHarness();
        string address = h.Lease(Client);
        DhcpDecision d = h.Send(Client with { Type = DhcpMessageType.Decline, Requested = address, ServerId = "172.31.254.1" });
        Assert.False(d.HasReply);
        Assert.Equal(DhcpEventKind.Declined, d.Event!.Kind);
        Assert.Equal(h.Now.AddMinutes(10), d.Event.ExpiresAt);
        Assert.True(h.Engine.Leases.IsDeclined(InetAddress.Parse(address), h.Now));

        Assert.Equal("172.31.254.11", h.Lease(Client)); // not the declined one
        h.Now += TimeSpan.FromMinutes(11);
        h.Engine.Expire(h.Now);
        Assert.Equal(address, h.Lease(Other));
    }

    [Fact]
    public void Handle_DeclineNotHeld_Ignored()
    {
        var h = new EngineHarness();
        Assert.Equal(DhcpIgnoreReason.NotHeld, h.Send(Client with { Type = DhcpMessageType.Decline, Requested = "172.31.254.10" }).Event!.Reason);
        Assert.Equal(DhcpIgnoreReason.Malformed, h.Send(Client with { Type = DhcpMessageType.Decline }).Event!.Reason);
    }

    [Fact]
    public void Handle_Inform_AcksConfigurationWithoutLease()
    {
        var h = new EngineHarness();
        DhcpDecision d = h.Send(new ClientPacket(DhcpMessageType.Inform) { Ciaddr = "172.31.254.200", RequestList = [1, 3, 6, 51] });
        Assert.Equal(DhcpMessageType.Ack, d.ReplyType);
        ParsedReply r = h.LastReply!;
        Assert.Equal("0.0.0.0", r.Yiaddr.ToString());
        Assert.Equal("172.31.254.200", r.Ciaddr.ToString());
        Assert.Equal([53, 54, 1, 3, 6], r.Codes); // no 51/58/59 (RFC 2131 §4.3.5)
        Assert.Equal(DhcpDestinationKind.UnicastToClient, d.Destination);
        Assert.Equal(DhcpEventKind.Informed, d.Event!.Kind);
        Assert.Equal(0, h.Engine.Leases.Count);
    }

    [Fact]
    public void Expire_LeaseRunsOut_EventThenAddressGoesToNextClient()
    {
        var h = new EngineHarness(OneAddressPool());
        h.Lease(Client);
        Assert.Equal(DhcpIgnoreReason.PoolExhausted, h.Send(Other with { Type = DhcpMessageType.Discover }).Event!.Reason);
        Assert.Empty(h.Engine.Expire(h.Now.AddHours(23)));

        h.Now += TimeSpan.FromDays(1);
        IReadOnlyList<DhcpLeaseEvent> events = h.Engine.Expire(h.Now);
        DhcpLeaseEvent expired = Assert.Single(events);
        Assert.Equal(DhcpEventKind.Expired, expired.Kind);
        Assert.Equal("172.31.254.10", expired.Address.ToString());
        Assert.Equal("172.31.254.10", h.Lease(Other));
        Assert.Null(h.Engine.Leases.FindByClient(DhcpClientId.FromMac(ClientPacket.Inverter)));
    }

    [Fact]
    public void Handle_DiscoverAfterExpiry_PrefersPreviousAddressOverNeverUsed()
    {
        var h = new EngineHarness();
        h.Lease(Other); // .10
        string address = h.Lease(Client); // .11
        h.Now += TimeSpan.FromDays(3);
        h.Engine.Expire(h.Now);
        Assert.Equal(address, h.Lease(Client));
    }

    [Fact]
    public void Handle_BoundClientDiscoversAgain_KeepsLease()
    {
        var h = new EngineHarness();
        string address = h.Lease(Client);
        DhcpDecision d = h.Send(Client with { Type = DhcpMessageType.Discover });
        Assert.Equal(address, h.LastReply!.Yiaddr.ToString());
        Assert.Equal(EngineHarness.Start.AddDays(1), d.Event!.ExpiresAt);
        Assert.Equal(DhcpLeaseState.Bound, h.Engine.Leases.FindByAddress(InetAddress.Parse(address))!.State);
    }
}
