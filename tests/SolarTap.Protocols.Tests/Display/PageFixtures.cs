using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

/// <summary>Fixed view models for the golden page images.</summary>
internal static class PageFixtures
{
    public static readonly OledStatusView Typical = new(
        new SiteView(PowerWatts: 3421, EnergyTodayWattHours: 12_437, InvertersReporting: 2, InvertersKnown: 2),
        [
            new InverterView("7F104920", 2105, 7_612, 385.2, 41.5, TimeSpan.FromSeconds(42)),
            new InverterView("7E0A1B2C", 1316, 4_825, 371.9, 38.0, TimeSpan.FromMinutes(3)),
        ],
        new LinkView(InverterLinkState.DataFlowing, "00:27:02:1A:2B:3C", "172.16.64.10", "plain", TlsFirmware: false),
        new UpstreamView(UpstreamState.Buffering, [new SinkView("mqtt", "failed", 1_234), new SinkView("pvoutput", "running", 0)]),
        new ApplianceView("solartap", ["192.168.1.57", "fd00::5c1a:2bff:fe3c:4d5e"], new TimeSpan(3, 4, 12, 5), 48.2, "1.0.0"),
        []);

    public static readonly OledStatusView Unknowns = new(
        new SiteView(null, null, 0, 0),
        [new InverterView("a-very-long-inverter-name", null, null, null, null, null)],
        new LinkView(InverterLinkState.NoLink, null, null, null, TlsFirmware: false),
        new UpstreamView(UpstreamState.NotConfigured, []),
        new ApplianceView(null, [], TimeSpan.FromSeconds(75), null, null),
        []);

    public static readonly OledStatusView Troubled = Typical with
    {
        Site = new SiteView(850, 999, 1, 2),
        Link = new LinkView(InverterLinkState.Undecodable, "00:27:02:AA:BB:CC", "172.16.64.11", null, TlsFirmware: true),
        Problems =
        [
            "/etc/solartap/solartap.yaml line 12: mqtt.port must be 1 to 65535.",
            "OLED not found on i2c-1 at 0x3C.",
        ],
    };
}
