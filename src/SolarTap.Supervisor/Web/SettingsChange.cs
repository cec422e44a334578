namespace SolarTap.Supervisor.Web;

/// <summary>The body of <c>POST /api/settings</c>: the settings to change; absent ones stay as they are.</summary>
/// <param name="DisplayPageIntervalSeconds">Seconds each OLED page shows, 2 to 60.</param>
public sealed record SettingsChange(double? DisplayPageIntervalSeconds);
