namespace SolarTap.Supervisor.Configuration;

/// <summary>The durable journal of readings (YAML section <c>journal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>The SQLite database (<c>path</c>), absolute. Default /var/lib/solartap/journal.db.</summary>
    public string Path { get; set; } = "/var/lib/solartap/journal.db";

    /// <summary>Readings older than this are deleted (<c>max_age</c>). Default 180 days.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(180);

    /// <summary>The oldest readings are deleted while the journal uses more than this many bytes (<c>max_size</c>). Default 2 GB.</summary>
    public long MaxSizeBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Undecodable frames kept for analysis (<c>unknown_frames</c>); older ones are deleted. Default 1000.</summary>
    public int UnknownFrames { get; set; } = 1000;
}
