namespace SolarTap.Cli;

/// <summary>How decoded telemetry is printed.</summary>
internal enum OutputFormat
{
    /// <summary>SolarTap JSON lines: one reading per line with units.</summary>
    Solartap,

    /// <summary>semonitor's JSON: one line per non-empty 0x0500 post, as semonitor.py prints it.</summary>
    Semonitor,

    /// <summary>Long-form CSV: one row per value.</summary>
    Csv,
}
