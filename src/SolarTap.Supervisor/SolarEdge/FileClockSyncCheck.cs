namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// The clock is synchronised while a marker file exists: systemd-timesyncd creates
/// /run/systemd/timesync/synchronized once it has reached a time server (configuration key
/// <c>solaredge.clock_sync_file</c>).
/// </summary>
/// <param name="path">The marker file.</param>
public sealed class FileClockSyncCheck(string path) : IClockSyncCheck
{
    /// <summary>The marker file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc/>
    public bool IsSynchronized() => File.Exists(Path);
}
