using System.CommandLine;
using SolarTap.Cli;

namespace SolarTap.Commands;

/// <summary>Options shared by the decoding commands, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        Description = "Output: 'solartap' (JSON lines, one reading each, with units), 'semonitor' (semonitor.py's JSON, " +
            "one line per telemetry post; Date/Time in the local time zone, set TZ to change it) or 'csv' (one row per value).",
        DefaultValueFactory = _ => OutputFormat.Solartap,
    };

    public static Option<string[]> Keys() => new("--key", "-k")
    {
        Description = "Inverter key file (semonitor format: 32 hex digits). Repeat for several inverters; name each file after its inverter, e.g. 7f104920.key.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> Sessions() => new("--sessions")
    {
        Description = "Session file: loaded before decoding if it exists and saved after, so encrypted data stays readable across runs and captures.",
    };

    public static Option<bool> Stats() => new("--stats")
    {
        Description = "At the end, print frames, bytes skipped, CRC errors and per-device counts to standard error.",
    };
}
