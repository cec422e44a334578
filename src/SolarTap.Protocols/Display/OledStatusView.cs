namespace SolarTap.Protocols.Display;

/// <summary>
/// Everything the OLED pages show, filled by the supervisor from its status model. Plain values only: the
/// renderers format them, so the same view always draws the same pixels.
/// </summary>
/// <param name="Site">Site totals.</param>
/// <param name="Inverters">One page per inverter, in this order.</param>
/// <param name="Link">The inverter-facing link.</param>
/// <param name="Upstream">Forwarding upstream.</param>
/// <param name="Appliance">The appliance itself.</param>
/// <param name="Problems">Configuration errors and missing devices; when any, a problem page leads the cycle.</param>
public sealed record OledStatusView(
    SiteView Site,
    IReadOnlyList<InverterView> Inverters,
    LinkView Link,
    UpstreamView Upstream,
    ApplianceView Appliance,
    IReadOnlyList<string> Problems);
