using System.Text;

namespace SolarTap.Supervisor.Dhcp;

/// <summary>
/// The DHCP leases on disk (<c>network.lease_file</c>), in the engine's export format. Written atomically: a temporary
/// file beside it is flushed to the disk and renamed over it, so a power cut leaves the old or the new file, never
/// half of one.
/// </summary>
/// <param name="path">The lease file, absolute.</param>
public sealed class DhcpLeaseFile(string path)
{
    /// <summary>The lease file.</summary>
    public string Path { get; } = path;

    /// <summary>The saved text, or null when there is no file yet.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file exists but cannot be read.</exception>
    public string? Load() => File.Exists(Path) ? File.ReadAllText(Path, Encoding.UTF8) : null;

    /// <summary>Replaces the file with <paramref name="text"/> (creating its folder if needed).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public void Save(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        string temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
