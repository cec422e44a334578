namespace SolarTap.Supervisor.Configuration;

/// <summary>What the JSON-lines files hold (<c>jsonl.format</c>).</summary>
public enum JsonLinesFormat
{
    /// <summary><c>solartap</c>: one reading per line in the solartap JSON format (docs/readings.md), files <c>readings-DAY.jsonl</c>.</summary>
    Solartap,

    /// <summary><c>semonitor</c>: one line per SolarEdge post as semonitor.py prints it, files <c>semonitor-DAY.jsonl</c>.</summary>
    Semonitor,
}
