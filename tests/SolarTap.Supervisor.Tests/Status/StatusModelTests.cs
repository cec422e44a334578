using System.Net;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Status;

public class StatusModelTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(T0);

    [Fact]
    public void Snapshot_New_IsStartingWithNothing()
    {
        StatusSnapshot s = new StatusModel(_time).Snapshot();

        Assert.Equal(SupervisorState.Starting, s.State);
        Assert.Equal("starting", s.Summary);
        Assert.Equal(T0, s.Started);
        Assert.Empty(s.Sources);
        Assert.Empty(s.Inverters);
        Assert.Empty(s.Sinks);
    }

    [Fact]
    public void SetState_ConfigurationError_StaysWhenRunningIsReported()
    {
        var model = new StatusModel(_time);
        model.SetState(SupervisorState.ConfigurationError, ["a.yaml:3: dns.offline: expected one of local, fail, found \"x\"", "second"]);

        model.SetState(SupervisorState.Running);

        StatusSnapshot s = model.Snapshot();
        Assert.Equal(SupervisorState.ConfigurationError, s.State);
        Assert.Equal("configuration error: a.yaml:3: dns.offline: expected one of local, fail, found \"x\" (and 1 more)", s.Summary);
        Assert.Equal(2, s.Messages.Count);
    }

    [Fact]
    public void ReportFault_WhileRunning_BecomesFaultWithTheMessage()
    {
        var model = new StatusModel(_time);
        model.SetState(SupervisorState.Running);

        model.ReportFault("journal: cannot open /x: denied");

        StatusSnapshot s = model.Snapshot();
        Assert.Equal(SupervisorState.Fault, s.State);
        Assert.Equal(["journal: cannot open /x: denied"], s.Messages);
    }

    [Fact]
    public void InverterOnLinkThenPosted_SameAddress_IsOneInverter()
    {
        var model = new StatusModel(_time);
        model.SetState(SupervisorState.Running);
        model.InverterOnLink(MacAddress.Parse("00:27:02:1a:08:23"), IPAddress.Parse("192.168.50.100"), "SE-inverter");
        _time.Advance(TimeSpan.FromSeconds(30));

        model.InverterPosted("7F104920", IPAddress.Parse("192.168.50.100"), readings: 12);
        model.InverterPosted("7F104920", IPAddress.Parse("192.168.50.100"), readings: 3);

        InverterStatus inverter = Assert.Single(model.Snapshot().Inverters);
        Assert.Equal(new InverterStatus("7F104920", "00:27:02:1a:08:23", "192.168.50.100", "SE-inverter", T0, T0.AddSeconds(30), 2, 15, InverterFirmware.Unknown, null), inverter);
        Assert.Equal("running: 1 inverter, 15 readings", model.Snapshot().Summary);
    }

    [Fact]
    public void InverterOnLink_NewAddressForKnownMac_UpdatesIt()
    {
        var model = new StatusModel(_time);
        MacAddress mac = MacAddress.Parse("00:27:02:1a:08:23");
        model.InverterOnLink(mac, IPAddress.Parse("192.168.50.100"), null);

        model.InverterOnLink(mac, IPAddress.Parse("192.168.50.101"), "renamed");

        InverterStatus inverter = Assert.Single(model.Snapshot().Inverters);
        Assert.Equal("192.168.50.101", inverter.Address);
        Assert.Equal("renamed", inverter.Hostname);
    }

    [Fact]
    public void InverterPosted_TwoSerials_TwoInverters()
    {
        var model = new StatusModel(_time);

        model.InverterPosted("7F104920", IPAddress.Parse("192.168.50.100"), 1);
        model.InverterPosted("7F104921", IPAddress.Parse("192.168.50.101"), 1);

        Assert.Equal(["7F104920", "7F104921"], model.Snapshot().Inverters.Select(i => i.Serial));
    }

    [Theory]
    [InlineData(InverterFirmware.Plain, false)]
    [InlineData(InverterFirmware.Encrypted, false)]
    [InlineData(InverterFirmware.EncryptedNoKey, true)]
    [InlineData(InverterFirmware.Tls, true)]
    public void InverterFirmwareSeen_Unreadable_CarriesGuidance(InverterFirmware firmware, bool guidance)
    {
        var model = new StatusModel(_time);

        model.InverterFirmwareSeen("7F104920", null, firmware);

        InverterStatus inverter = Assert.Single(model.Snapshot().Inverters);
        Assert.Equal(firmware, inverter.Firmware);
        Assert.Equal(guidance, inverter.Guidance is not null);
    }

    [Fact]
    public void CountSource_AddsAndStampsActivity()
    {
        var model = new StatusModel(_time);
        model.SetSource("solaredge-server", ComponentState.Waiting, "no inverter connected yet");
        _time.Advance(TimeSpan.FromMinutes(1));

        model.CountSource("solaredge-server", "posts");
        model.CountSource("solaredge-server", "readings", 40);
        model.CountSource("solaredge-server", "readings", 2);

        SourceStatus source = Assert.Single(model.Snapshot().Sources);
        Assert.Equal(ComponentState.Waiting, source.State);
        Assert.Equal("no inverter connected yet", source.Detail);
        Assert.Equal(1, source.Counters["posts"]);
        Assert.Equal(42, source.Counters["readings"]);
        Assert.Equal(T0.AddMinutes(1), source.LastActivity);
    }

    [Fact]
    public void SetSink_Delivered_StampsTheDelivery()
    {
        var model = new StatusModel(_time);
        model.SetSink("mqtt", ComponentState.Running, backlog: 0, delivered: true);
        _time.Advance(TimeSpan.FromMinutes(5));

        model.SetSink("mqtt", ComponentState.Waiting, backlog: 120, detail: "broker unreachable");

        Assert.Equal(new SinkStatus("mqtt", ComponentState.Waiting, "broker unreachable", 120, T0), Assert.Single(model.Snapshot().Sinks));
    }

    [Fact]
    public void Snapshot_LaterChanges_DoNotAlterIt()
    {
        var model = new StatusModel(_time);
        model.CountSource("capture", "frames");
        StatusSnapshot before = model.Snapshot();

        model.CountSource("capture", "frames");
        model.InverterPosted("7F104920", null, 1);

        Assert.Equal(1, Assert.Single(before.Sources).Counters["frames"]);
        Assert.Empty(before.Inverters);
    }

    [Fact]
    public void Changed_IsRaisedOnEachEvent()
    {
        var model = new StatusModel(_time);
        int changes = 0;
        model.Changed += (_, _) => Interlocked.Increment(ref changes);

        model.SetState(SupervisorState.Running);
        model.CountSource("capture", "frames");
        model.InverterPosted("7F104920", null, 1);

        Assert.Equal(3, changes);
    }

    [Fact]
    public async Task CountSource_FromManyThreads_LosesNothing()
    {
        var model = new StatusModel(TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                model.CountSource("capture", "frames");
                _ = model.Snapshot();
            }
        })));

        Assert.Equal(8000, Assert.Single(model.Snapshot().Sources).Counters["frames"]);
    }
}
