namespace SolarTap.Supervisor.Configuration;

/// <summary>The durable journal of readings (YAML section <c>journal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>The journal file (<c>path</c>), absolute. Default /var/lib/solartap/journal.jsonl.</summary>
    public string Path { get; set; } = "/var/lib/solartap/journal.jsonl";
}
