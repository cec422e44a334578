namespace SolarTap.Supervisor.Web;

/// <summary>The data of a <c>readings</c> server-sent event: devices whose newest reading changed.</summary>
/// <param name="Devices">Their newest readings.</param>
public sealed record LiveReadings(IReadOnlyList<SiteDevice> Devices);
