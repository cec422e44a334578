namespace SolarTap.Supervisor.Web;

/// <summary>The answer of <c>GET /api/site</c>: every device's newest values and the panel map's rows.</summary>
/// <param name="Time">When the view was made.</param>
/// <param name="Devices">Each device's newest reading, inverters first.</param>
/// <param name="Rows">The panel map's rows.</param>
/// <param name="FromLayout">Whether the rows come from <c>web.layout</c> (else they are grouped by inverter).</param>
public sealed record SiteView(DateTimeOffset Time, IReadOnlyList<SiteDevice> Devices, IReadOnlyList<PanelRow> Rows, bool FromLayout);
