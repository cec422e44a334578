using System.Text.Json.Serialization;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.Web;

/// <summary>Source-generated JSON for the web API (docs/web-api.md): snake_case names, like <c>solartap status --json</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(PowerHistory))]
[JsonSerializable(typeof(DiagnosticsView))]
[JsonSerializable(typeof(SettingsView))]
[JsonSerializable(typeof(SettingsChange))]
[JsonSerializable(typeof(WebMessage))]
[JsonSerializable(typeof(LiveReadings))]
[JsonSerializable(typeof(JournalStats))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
