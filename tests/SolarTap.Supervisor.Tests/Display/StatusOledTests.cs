using System.Net;
using SolarTap.Devices.Oled;
using SolarTap.Protocols.Display;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Display;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Display;

/// <summary>Status model to OLED pages: what each page is given, the page cycle, the button, blanking, the PNG.</summary>
public sealed class StatusOledTests : IDisposable
{
    private static readonly IPAddress Address = IPAddress.Parse("192.168.50.100");
    private static readonly DateTimeOffset Noon = new(2026, 6, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly TimerClock _clock = new(Noon);
    private readonly StatusModel _model;
    private readonly SiteValues _values = new(TimeZoneInfo.Utc);
    private readonly DiscardingI2cDevice _bus = new();
    private readonly OledPresenter _presenter;
    private readonly StatusIndicator _indicator;

    public StatusOledTests()
    {
        _model = new StatusModel(_clock);
        var display = new Ssd1306Display(_bus, new Ssd1306DisplayOptions());
        display.Initialise();
        var schedule = new OledScheduleOptions { PageInterval = TimeSpan.FromSeconds(5), BlankAfterIdle = TimeSpan.FromMinutes(1), NightStart = null, NightEnd = null, PixelShiftInterval = null };
        _presenter = new OledPresenter(display, new OledScheduler(schedule, Noon));
        _indicator = new StatusIndicator(null, _presenter, _temp.File("oled.png"));
    }

    public void Dispose() => _temp.Dispose();

    private static ApplianceView Appliance => new("solartap", ["192.168.1.20"], TimeSpan.FromHours(1), 48.3, "1.0.0");

    private void Refresh() => _indicator.Refresh(_model.Snapshot(), _values, Appliance, _clock.GetUtcNow());

    private void Post(string serial, double power, double energy)
    {
        _model.InverterOnLink(MacAddress.Parse("00:27:02:1a:08:23"), Address, null);
        _model.InverterPosted(serial, Address, 2);
        _model.InverterFirmwareSeen(serial, Address, InverterFirmware.Encrypted);
        _values.Observe(new Reading(new DeviceIdentity(DeviceKind.Inverter, serial), _clock.GetUtcNow(), [new Measurement(Quantity.AcPower, power), new Measurement(Quantity.EnergyTotal, energy)]));
    }

    [Fact]
    public void Refresh_InverterPosting_ViewCarriesSiteInverterAndLink()
    {
        Post("7F104920", 2500, 1_000_000);
        _clock.Advance(TimeSpan.FromSeconds(30));

        Refresh();

        OledStatusView view = _indicator.LastView!;
        Assert.Equal(2500, view.Site.PowerWatts);
        Assert.Equal(0, view.Site.EnergyTodayWattHours);
        InverterView inverter = Assert.Single(view.Inverters);
        Assert.Equal("7F104920", inverter.Name);
        Assert.Equal(TimeSpan.FromSeconds(30), inverter.LastReadingAge);
        Assert.Equal(new LinkView(InverterLinkState.DataFlowing, "00:27:02:1a:08:23", "192.168.50.100", "encrypted", false), view.Link);
        Assert.Equal(UpstreamState.NotConfigured, view.Upstream.State);
        Assert.Empty(view.Problems);
        Assert.Equal(new OledPage(OledPageKind.Inverter, 0), _presenter.CurrentPage); // the first tick after 30 s moves on one page
    }

    [Fact]
    public void Refresh_TlsInverter_LinkPageWarnsAndSessionSaysTls()
    {
        _model.InverterOnLink(MacAddress.Parse("00:27:02:1a:08:23"), Address, null);
        _model.InverterFirmwareSeen(null, Address, InverterFirmware.Tls);

        Refresh();

        LinkView link = _indicator.LastView!.Link;
        Assert.Equal(InverterLinkState.Undecodable, link.State);
        Assert.True(link.TlsFirmware);
        Assert.Equal("TLS", link.Session);
    }

    [Fact]
    public void Refresh_ConfigurationError_ProblemPageFirstWithTheMessage()
    {
        _model.SetState(SupervisorState.ConfigurationError, ["solartap.yaml:4: oled.address: expected a 7-bit I2C address"]);

        Refresh();

        Assert.Equal(["solartap.yaml:4: oled.address: expected a 7-bit I2C address"], _indicator.LastView!.Problems);
        Assert.Equal(new OledPage(OledPageKind.Problems), _presenter.CurrentPage);
    }

    [Fact]
    public void Refresh_SinksAndFailedDevice_UpstreamAndProblemsFilled()
    {
        _model.SetSink("mqtt", ComponentState.Waiting, 1234, "MQTT: connecting");
        _model.SetSource(StatusIndicationService.LedsSource, ComponentState.Failed, "link LED solartap-link: missing");

        Refresh();

        OledStatusView view = _indicator.LastView!;
        Assert.Equal(UpstreamState.Buffering, view.Upstream.State);
        Assert.Equal(new SinkView("mqtt", "waiting", 1234), Assert.Single(view.Upstream.Sinks));
        Assert.Equal(["leds: link LED solartap-link: missing"], view.Problems);
    }

    [Fact]
    public void Refresh_PagesCycleAndTheButtonSkipsAhead()
    {
        Post("7E100001", 100, 1000);
        Refresh();
        Assert.Equal(OledPageKind.Site, _presenter.CurrentPage!.Value.Kind);

        _clock.Advance(TimeSpan.FromSeconds(5));
        Refresh();
        Assert.Equal(new OledPage(OledPageKind.Inverter, 0), _presenter.CurrentPage);

        _indicator.ButtonPressed(_clock.GetUtcNow());
        Refresh();
        Assert.Equal(OledPageKind.Link, _presenter.CurrentPage!.Value.Kind);
    }

    [Fact]
    public void Refresh_IdleLongerThanConfigured_DisplayBlanksAndPressWakesIt()
    {
        Refresh();
        _clock.Advance(TimeSpan.FromMinutes(1));
        Refresh();
        Assert.False(_presenter.LastDecision.DisplayOn);

        _indicator.ButtonPressed(_clock.GetUtcNow());
        Refresh();

        Assert.True(_presenter.LastDecision.DisplayOn);
    }

    [Fact]
    public void Refresh_PngConfigured_WritesTheFrameAsAPng()
    {
        Refresh();

        byte[] png = File.ReadAllBytes(_temp.File("oled.png"));
        Assert.True(png.AsSpan().StartsWith(PngWriter.Signature));
        Assert.Equal(PngWriter.Write(_presenter.Frame, scale: 2), png);
        Assert.Null(_indicator.PngProblem);
    }

    [Fact]
    public void Refresh_PngFolderMissing_ReportsAProblemInsteadOfThrowing()
    {
        var indicator = new StatusIndicator(null, _presenter, _temp.File("missing/oled.png"));

        indicator.Refresh(_model.Snapshot(), _values, Appliance, _clock.GetUtcNow());

        Assert.Contains("cannot write", indicator.PngProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_OledSuspended_LedsStillFollowButTheDisplayIsLeftAlone()
    {
        using var leds = new FakeLedClass("solartap-link");
        var statusLeds = new Devices.Leds.StatusLeds(null, new Devices.Leds.SysfsLed(leds.Root, "solartap-link"), null, null);
        var indicator = new StatusIndicator(statusLeds, _presenter, null) { OledSuspended = true };
        int writes = _bus.Writes;
        Post("7E100001", 100, 1000);

        indicator.Refresh(_model.Snapshot(), _values, Appliance, _clock.GetUtcNow());

        Assert.Equal("on", leds.State("solartap-link"));
        Assert.Equal(writes, _bus.Writes);
        Assert.Null(indicator.LastView);
    }
}
