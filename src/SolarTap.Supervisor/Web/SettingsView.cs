namespace SolarTap.Supervisor.Web;

/// <summary>The settings the web page can change (<c>GET</c> and <c>POST /api/settings</c>).</summary>
/// <param name="DisplayPageIntervalSeconds">Seconds each OLED page shows before the next one.</param>
/// <param name="PasswordSet">Whether <c>web.password_hash</c> is set; without it changes are refused.</param>
public sealed record SettingsView(double DisplayPageIntervalSeconds, bool PasswordSet);
