using Microsoft.Extensions.Logging;
using SolarTap.Devices.Leds;
using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Tests.Leds;

public sealed class StatusLedsTests : IDisposable
{
    private readonly FakeLedTree _tree = new("power", "link", "upstream", "error");
    private readonly ListLogger<StatusLeds> _log = new();

    [Fact]
    public void Show_WritesEachLedAsTheKernelExpects()
    {
        StatusLeds leds = Create();

        leds.Show(new ApplianceIndication(InverterLinkState.LeaseOnly, UpstreamState.Ok, Error: false));

        Assert.Equal("heartbeat\n", _tree.Read("power", "trigger"));
        Assert.Equal("timer\n", _tree.Read("link", "trigger"));
        Assert.Equal("1000\n", _tree.Read("link", "delay_on"));
        Assert.Equal("1000\n", _tree.Read("link", "delay_off"));
        Assert.Equal("none\n", _tree.Read("upstream", "trigger"));
        Assert.Equal("255\n", _tree.Read("upstream", "brightness"));
        Assert.Equal("none\n", _tree.Read("error", "trigger"));
        Assert.Equal("0\n", _tree.Read("error", "brightness"));
    }

    [Fact]
    public void Show_UndecodableThenNoLink_FastBlinkThenOff()
    {
        StatusLeds leds = Create();

        leds.Show(new ApplianceIndication(InverterLinkState.Undecodable, UpstreamState.Buffering, Error: true));
        Assert.Equal("100\n", _tree.Read("link", "delay_on"));
        Assert.Equal("500\n", _tree.Read("upstream", "delay_off"));
        Assert.Equal("255\n", _tree.Read("error", "brightness"));

        leds.Show(new ApplianceIndication(InverterLinkState.NoLink, UpstreamState.NotConfigured, Error: false));
        Assert.Equal("none\n", _tree.Read("link", "trigger"));
        Assert.Equal("0\n", _tree.Read("link", "brightness"));
        Assert.Equal("0\n", _tree.Read("upstream", "brightness"));
        Assert.Equal("0\n", _tree.Read("error", "brightness"));
    }

    [Fact]
    public void Show_Unchanged_DoesNotTouchTheLeds()
    {
        StatusLeds leds = Create();
        var indication = new ApplianceIndication(InverterLinkState.DataFlowing, UpstreamState.Ok, Error: false);
        leds.Show(indication);
        File.WriteAllText(Path.Combine(_tree.Root, "link", "trigger"), "marker\n");

        leds.Show(indication);

        Assert.Equal("marker\n", _tree.Read("link", "trigger"));
    }

    [Fact]
    public void Show_MissingLed_OthersStillWorkItIsLoggedOnceAndRetried()
    {
        Directory.Delete(Path.Combine(_tree.Root, "error"), recursive: true);
        StatusLeds leds = Create();
        var indication = new ApplianceIndication(InverterLinkState.DataFlowing, UpstreamState.Ok, Error: true);

        leds.Show(indication);
        leds.Show(indication);

        Assert.Equal("255\n", _tree.Read("link", "brightness"));
        Assert.Null(leds.Current);
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("error", StringComparison.Ordinal));

        _tree.AddLed("error");
        leds.Show(indication);

        Assert.Equal("255\n", _tree.Read("error", "brightness"));
        Assert.NotNull(leds.Current);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information);
    }

    [Fact]
    public void AllOff_DarkensEveryLed()
    {
        StatusLeds leds = Create();
        leds.Show(new ApplianceIndication(InverterLinkState.DataFlowing, UpstreamState.Ok, Error: true));

        leds.AllOff();

        Assert.All(["power", "link", "upstream", "error"], led => Assert.Equal("0\n", _tree.Read(led, "brightness")));
        Assert.Equal("none\n", _tree.Read("power", "trigger"));
    }

    [Fact]
    public void Show_AbsentLeds_AreSkipped()
    {
        var leds = new StatusLeds(null, new SysfsLed(_tree.Root, "link"), null, null);

        leds.Show(new ApplianceIndication(InverterLinkState.DataFlowing, UpstreamState.Ok, Error: true));

        Assert.Equal("255\n", _tree.Read("link", "brightness"));
        Assert.NotNull(leds.Current);
    }

    public void Dispose() => _tree.Dispose();

    private StatusLeds Create() => new(
        new SysfsLed(_tree.Root, "power"), new SysfsLed(_tree.Root, "link"), new SysfsLed(_tree.Root, "upstream"), new SysfsLed(_tree.Root, "error"), _log);
}
