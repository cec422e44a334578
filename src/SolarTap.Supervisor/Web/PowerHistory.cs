namespace SolarTap.Supervisor.Web;

/// <summary>The answer of <c>GET /api/history</c>: an inverter's AC power over a window, from the journal.</summary>
/// <param name="Serial">The inverter.</param>
/// <param name="Since">The window's start.</param>
/// <param name="Until">The window's end: the later of now and the inverter's newest reading.</param>
/// <param name="Points">Five-minute means, oldest first; buckets without readings are left out.</param>
public sealed record PowerHistory(string Serial, DateTimeOffset Since, DateTimeOffset Until, IReadOnlyList<PowerPoint> Points);
