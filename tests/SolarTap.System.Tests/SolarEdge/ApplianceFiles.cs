using System.Text.Json;

namespace SolarTap.System.Tests.SolarEdge;

/// <summary>A temp folder with what one `solartap run` needs: configuration, key, journal, status socket.</summary>
internal sealed class ApplianceFiles : IDisposable
{
    public const string InverterId = "7F104920";
    public const string KeyHex = "e1992523f4ddbb47d5336f6f177e3278";

    public ApplianceFiles(string name, string solarEdgeSection, string address = "192.0.2.1/24", string pool = "192.0.2.100", string poolEnd = "192.0.2.150")
    {
        Folder = Directory.CreateTempSubdirectory($"st-{name}-").FullName;
        Directory.CreateDirectory(Path.Combine(Folder, "keys"));
        File.WriteAllText(KeyFile, KeyHex + "\n");
        File.WriteAllText(Path.Combine(Folder, "synchronized"), "");
        File.WriteAllText(Config,
            $"""
            network:
              interface: eth0
              address: {address}
              pool_start: {pool}
              pool_end: {poolEnd}
              uplink_interface: none
            solaredge:
            {solarEdgeSection}
              keys_directory: {Folder}/keys
              clock_sync_file: {Folder}/synchronized
              time_zone: Europe/Berlin
            journal:
              path: {Journal}
            status:
              socket: {Folder}/status.sock

            """);
    }

    public string Folder { get; }

    public string Config => Path.Combine(Folder, "solartap.yaml");

    public string KeyFile => Path.Combine(Folder, "keys", InverterId.ToLowerInvariant() + ".key");

    public string Journal => Path.Combine(Folder, "journal.db");

    public static string Solartap => Path.Combine(AppContext.BaseDirectory, "solartap.dll");

    /// <summary>
    /// Every stored reading as (kind, device, time), read back with the real <c>solartap journal export</c>: a reading
    /// stored twice would appear twice.
    /// </summary>
    public List<(string Kind, string Device, string Time)> ReadJournal()
    {
        var info = new global::System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { Solartap, "journal", "export", "--journal", Journal, "--format", "jsonl" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = global::System.Diagnostics.Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"solartap journal export failed: {error}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            JsonElement root = JsonDocument.Parse(line).RootElement;
            return (root.GetProperty("kind").GetString()!, root.GetProperty("device").GetString()!, root.GetProperty("time").GetString()!);
        })];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
