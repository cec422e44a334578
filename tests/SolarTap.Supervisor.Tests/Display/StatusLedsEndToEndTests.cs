using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Devices.Leds;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Display;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Display;

/// <summary>
/// Status model states all the way to the LED class attributes (issue 7 §4): a fake /sys/class/leds, the LEDs
/// opened from configuration as the service opens them, and a manual clock.
/// </summary>
public sealed class StatusLedsEndToEndTests : IDisposable
{
    private static readonly IPAddress Inverter = IPAddress.Parse("192.168.50.100");
    private readonly FakeLedClass _leds = new("solartap-power", "solartap-link", "solartap-upstream", "solartap-error");
    private readonly TimerClock _clock = new(new DateTimeOffset(2026, 6, 21, 12, 0, 0, TimeSpan.Zero));
    private readonly StatusModel _model;
    private readonly StatusDevices _devices;
    private readonly StatusIndicator _indicator;

    public StatusLedsEndToEndTests()
    {
        _model = new StatusModel(_clock);
        var options = new LedsOptions { ClassDirectory = _leds.Root, Required = true };
        _devices = StatusDevices.Open(options, new OledOptions { Bus = null, Required = false }, _clock, NullLoggerFactory.Instance);
        _indicator = new StatusIndicator(_devices.Leds, null, null);
    }

    public void Dispose()
    {
        _devices.Dispose();
        _leds.Dispose();
    }

    private void Refresh() => _indicator.Refresh(_model.Snapshot(), new SiteValues(TimeZoneInfo.Utc), ApplianceView(), _clock.GetUtcNow());

    private static Protocols.Display.ApplianceView ApplianceView() => new("solartap", [], TimeSpan.Zero, null, null);

    [Fact]
    public void Open_EveryLedPresent_NoProblems()
    {
        Assert.Empty(_devices.LedProblems);
        Assert.NotNull(_devices.Leds);
    }

    [Fact]
    public void Refresh_FreshStart_PowerHeartbeatOthersOff()
    {
        Refresh();

        Assert.Equal("heartbeat", _leds.State("solartap-power"));
        Assert.Equal("off", _leds.State("solartap-link"));
        Assert.Equal("off", _leds.State("solartap-upstream"));
        Assert.Equal("off", _leds.State("solartap-error"));
    }

    [Fact]
    public void Refresh_LeaseButNoPost_LinkBlinksSlowly()
    {
        _model.InverterOnLink(MacAddress.Parse("00:27:02:1a:08:23"), Inverter, null);

        Refresh();

        Assert.Equal("timer 1000/1000", _leds.State("solartap-link"));
    }

    [Fact]
    public void Refresh_RecentPost_LinkOn()
    {
        _model.InverterOnLink(MacAddress.Parse("00:27:02:1a:08:23"), Inverter, null);
        _model.InverterPosted("7E100001", Inverter, 30);

        Refresh();

        Assert.Equal("on", _leds.State("solartap-link"));
    }

    [Fact]
    public void Refresh_PostOlderThanTheWindow_LinkBackToSlowBlink()
    {
        _model.InverterPosted("7E100001", Inverter, 30);
        Refresh();
        _clock.Advance(SiteValues.ReportingWindow);

        Refresh();

        Assert.Equal("timer 1000/1000", _leds.State("solartap-link"));
    }

    [Theory]
    [InlineData(InverterFirmware.Tls)]
    [InlineData(InverterFirmware.EncryptedNoKey)]
    public void Refresh_UnreadableFirmware_LinkBlinksFast(InverterFirmware firmware)
    {
        _model.InverterPosted("7E100001", Inverter, 0);
        _model.InverterFirmwareSeen("7E100001", Inverter, firmware);

        Refresh();

        Assert.Equal("timer 100/100", _leds.State("solartap-link"));
    }

    [Fact]
    public void Refresh_SinkDeliversWithoutBacklog_UpstreamOn()
    {
        _model.SetSink("mqtt", ComponentState.Running, 0, delivered: true);

        Refresh();

        Assert.Equal("on", _leds.State("solartap-upstream"));
    }

    [Theory]
    [InlineData(ComponentState.Waiting, 3)]
    [InlineData(ComponentState.Failed, 0)]
    [InlineData(ComponentState.Running, StatusIndication.BufferingBacklog)]
    public void Refresh_SinkBehindOrDown_UpstreamBlinks(ComponentState state, long backlog)
    {
        _model.SetSink("jsonl", ComponentState.Running, 0);
        _model.SetSink("mqtt", state, backlog);

        Refresh();

        Assert.Equal("timer 500/500", _leds.State("solartap-upstream"));
    }

    [Fact]
    public void Refresh_ConfigurationError_ErrorLedOn()
    {
        _model.SetState(SupervisorState.ConfigurationError, ["/boot/firmware/solartap.yaml:3: mqtt.port: expected a TCP port"]);

        Refresh();

        Assert.Equal("on", _leds.State("solartap-error"));
    }

    [Fact]
    public void Refresh_DeviceFailedThenRecovered_ErrorLedOnThenOff()
    {
        _model.SetSource(StatusIndicationService.OledSource, ComponentState.Failed, "OLED: no device at 0x3C");
        Refresh();
        Assert.Equal("on", _leds.State("solartap-error"));

        _model.SetSource(StatusIndicationService.OledSource, ComponentState.Running, "SSD1306 at 0x3C on /dev/i2c-1");
        Refresh();

        Assert.Equal("off", _leds.State("solartap-error"));
    }

    [Fact]
    public void Refresh_StateGoesBackToNoLink_LinkLedTurnsOff()
    {
        _model.InverterPosted("7E100001", Inverter, 1);
        Refresh();
        Assert.Equal("on", _leds.State("solartap-link"));

        var fresh = new StatusModel(_clock);
        _indicator.Refresh(fresh.Snapshot(), new SiteValues(TimeZoneInfo.Utc), ApplianceView(), _clock.GetUtcNow());

        Assert.Equal("off", _leds.State("solartap-link"));
    }

    [Fact]
    public void AllOff_AfterActivity_EveryLedDark()
    {
        _model.InverterPosted("7E100001", Inverter, 1);
        _model.SetSink("mqtt", ComponentState.Waiting, 1);
        Refresh();

        _indicator.AllOff();

        Assert.All(new[] { "solartap-power", "solartap-link", "solartap-upstream", "solartap-error" }, led => Assert.Equal("off", _leds.State(led)));
    }
}
