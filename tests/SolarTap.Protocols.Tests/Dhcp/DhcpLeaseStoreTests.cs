using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

public class DhcpLeaseStoreTests
{
    private static readonly ClientPacket Inverter = new(DhcpMessageType.Request) { HostName = "SE inverter\u0001" };
    private static readonly ClientPacket Dhcpcd = new(DhcpMessageType.Request) { Mac = MacAddress.Parse("00:27:02:00:00:02"), ClientId = Hex.Bytes("ff0102030400010001") };

    [Fact]
    public void ExportImport_AfterRestart_SameLeasesAndClientKeepsAddress()
    {
        var h = new EngineHarness();
        string first = h.Lease(Inverter);
        string second = h.Lease(Dhcpcd);
        h.Lease(new ClientPacket(DhcpMessageType.Request) { Mac = MacAddress.Parse("00:27:02:00:00:03") });
        h.Send(new ClientPacket(DhcpMessageType.Release) { Mac = MacAddress.Parse("00:27:02:00:00:03"), Ciaddr = "172.31.254.12" });
        h.Send(new ClientPacket(DhcpMessageType.Discover) { Mac = MacAddress.Parse("00:27:02:00:00:04") }); // offer: not exported
        string text = h.Engine.Leases.Export();

        var restarted = new EngineHarness { Now = h.Now.AddMinutes(1) };
        DhcpImportResult result = restarted.Engine.Leases.Import(text);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Imported);
        Assert.Equal(h.Engine.Leases.Snapshot().Where(l => l.State != DhcpLeaseState.Offered), restarted.Engine.Leases.Snapshot());
        Assert.Equal(text, restarted.Engine.Leases.Export());
        Assert.Contains("172.31.254.10 hw:01:00:27:02:1a:08:23 00:27:02:1a:08:23 2025-06-02T12:00:00.0000000Z bound SE_inverter_", text, StringComparison.Ordinal);
        Assert.Contains("id:ff0102030400010001", text, StringComparison.Ordinal);
        Assert.Contains(" released -", text, StringComparison.Ordinal);

        // INIT-REBOOT after the restart: the server has a record, so it ACKs instead of staying silent.
        Assert.Equal(DhcpMessageType.Ack, restarted.Send(Inverter with { Requested = first }).ReplyType);
        Assert.Equal(DhcpMessageType.Ack, restarted.Send(Dhcpcd with { Ciaddr = second }).ReplyType);
    }

    [Fact]
    public void Import_BadLines_ReportedAndOthersKept()
    {
        var store = new DhcpLeaseStore(new DhcpServerOptions());
        string text = string.Join('\n',
            DhcpLeaseStore.ExportHeader,
            "172.31.254.10 hw:01:00:27:02:1a:08:23 00:27:02:1a:08:23 2025-06-02T12:00:00.0000000Z bound SE",
            "172.31.254.11 hw:01:00:27:02:1a:08:24 00:27:02:1a:08:24 2025-06-02T12:00:00.0000000Z bound", // 5 fields
            "172.31.254.300 hw:01:00:27:02:1a:08:25 00:27:02:1a:08:25 2025-06-02T12:00:00.0000000Z bound -",
            "172.31.254.12 xx:01 00:27:02:1a:08:26 2025-06-02T12:00:00.0000000Z bound -",
            "172.31.254.13 hw:01:00:27:02:1a:08:27 00:27:02:1a:08 2025-06-02T12:00:00.0000000Z bound -",
            "172.31.254.14 hw:01:00:27:02:1a:08:28 00:27:02:1a:08:28 yesterday bound -",
            "172.31.254.15 hw:01:00:27:02:1a:08:29 00:27:02:1a:08:29 2025-06-02T12:00:00.0000000Z offered -",
            "172.31.254.99 hw:01:00:27:02:1a:08:2a 00:27:02:1a:08:2a 2025-06-02T12:00:00.0000000Z bound -", // outside the pool
            "172.31.254.10 hw:01:00:27:02:1a:08:2b 00:27:02:1a:08:2b 2025-06-02T12:00:00.0000000Z bound -", // duplicate
            "",
            "# comment",
            "172.31.254.16 id:ff00 00:27:02:1a:08:2c 2025-05-02T12:00:00.0000000Z expired -");

        DhcpImportResult result = store.Import(text);

        Assert.Equal(2, result.Imported);
        Assert.Equal(["line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9", "line 10"], result.Errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains("not in the pool", result.Errors[6], StringComparison.Ordinal);
        Assert.Equal("SE", store.FindByAddress(InetAddress.Parse("172.31.254.10"))!.HostName);
        Assert.Equal(DhcpLeaseState.Expired, store.FindByAddress(InetAddress.Parse("172.31.254.16"))!.State);
        Assert.Empty(store.Import(null).Errors);
    }

    [Fact]
    public void Version_ChangesOnlyForPersistedState()
    {
        var h = new EngineHarness();
        long start = h.Engine.Leases.Version;
        h.Send(Inverter with { Type = DhcpMessageType.Discover });
        Assert.Equal(start, h.Engine.Leases.Version);
        h.Lease(Inverter);
        Assert.True(h.Engine.Leases.Version > start);
    }

    [Fact]
    public void ClientId_TextForm_RoundTrips()
    {
        DhcpClientId hw = DhcpClientId.FromMac(ClientPacket.Inverter);
        DhcpClientId id = DhcpClientId.FromClientIdentifier(Hex.Bytes("ff0102"));
        Assert.True(DhcpClientId.TryParse(hw.ToString(), out DhcpClientId hw2));
        Assert.True(DhcpClientId.TryParse(id.ToString(), out DhcpClientId id2));
        Assert.Equal(hw, hw2);
        Assert.Equal(id, id2);
        Assert.NotEqual(hw, id);
        Assert.False(DhcpClientId.TryParse("id:f", out _));
        Assert.False(DhcpClientId.TryParse("hw:zz:01", out _));
    }
}
