namespace SolarTap.Supervisor.Configuration;

/// <summary>The JSON-lines file sink (YAML section <c>jsonl</c>). Off while <see cref="Directory"/> is empty.</summary>
public sealed class JsonLinesOptions
{
    /// <summary>The folder for the daily files (<c>directory</c>), absolute; empty (the default) turns the sink off.</summary>
    public string Directory { get; set; } = "";

    /// <summary>
    /// What a line is (<c>format</c>): a reading in the solartap JSON format (the default), or a SolarEdge post as
    /// semonitor.py prints it (from the raw posts the journal keeps; its own cursor and files).
    /// </summary>
    public JsonLinesFormat Format { get; set; } = JsonLinesFormat.Solartap;

    /// <summary>A day's file is continued in a new part once it reaches this size (<c>max_file_size</c>). Default 100 MB.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The oldest files are deleted while all of them together exceed this (<c>max_total_size</c>). Default 1 GB.</summary>
    public long MaxTotalBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Whether the sink is on.</summary>
    public bool Enabled => Directory.Length > 0;
}
