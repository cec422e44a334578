using System.Text.Json;
using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Dhcp;

/// <summary>
/// The real supervisor (<c>solartap run</c>) inside the appliance's namespace, with a configuration in a temporary
/// folder (journal, lease file and status socket there too). Disposing kills it.
/// </summary>
public sealed class ApplianceProcess : IAsyncDisposable
{
    private static readonly string SolarTapDll = Path.Combine(AppContext.BaseDirectory, "solartap.dll");
    private readonly RunningProcess _process;

    private ApplianceProcess(RunningProcess process, string socket)
    {
        _process = process;
        Socket = socket;
    }

    /// <summary>The status socket.</summary>
    public string Socket { get; }

    /// <summary>Everything the supervisor logged so far.</summary>
    public string Log => _process.Output;

    /// <summary>
    /// Writes <paramref name="sections"/> (YAML for network and dns) plus private journal/status paths into
    /// <paramref name="folder"/> and starts the supervisor in <paramref name="ns"/>; returns once DHCP and DNS serve.
    /// </summary>
    public static async Task<ApplianceProcess> StartAsync(NetworkLab lab, string ns, string folder, string sections)
    {
        Assert.True(File.Exists(SolarTapDll), $"{SolarTapDll} is missing: the system tests reference src/SolarTap.");
        string socket = Path.Combine(folder, "status.sock");
        string config = Path.Combine(folder, "solartap.yaml");
        await File.WriteAllTextAsync(config, sections + $"""

            solaredge:
              mode: off
            journal:
              path: {folder}/journal.db
            status:
              socket: {socket}

            """);
        RunningProcess process = lab.Start(ns, new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" }, "dotnet", SolarTapDll, "run", "--config", config);
        var appliance = new ApplianceProcess(process, socket);
        await process.WaitForOutputAsync("DHCP: serving", TimeSpan.FromSeconds(20));
        await process.WaitForOutputAsync("DNS: serving", TimeSpan.FromSeconds(20));
        return appliance;
    }

    /// <summary>Waits until the log contains <paramref name="text"/>.</summary>
    public Task WaitForLogAsync(string text, TimeSpan? timeout = null) => _process.WaitForOutputAsync(text, timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>How often <paramref name="text"/> occurs in the log.</summary>
    public int CountInLog(string text)
    {
        int count = 0;
        for (int at = Log.IndexOf(text, StringComparison.Ordinal); at >= 0; at = Log.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary><c>solartap status --json</c>, parsed.</summary>
    public async Task<JsonElement> StatusAsync()
    {
        CommandResult result = (await Network.Commands.RunAsync("dotnet", [SolarTapDll, "status", "--socket", Socket, "--json"])).EnsureSuccess();
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    /// <summary>The inverter the status model lists with <paramref name="mac"/>, waiting up to 5 s for it (counters publish once a second).</summary>
    public async Task<JsonElement> InverterAsync(string mac)
    {
        for (int i = 0; ; i++)
        {
            JsonElement status = await StatusAsync();
            foreach (JsonElement inverter in status.GetProperty("inverters").EnumerateArray())
            {
                if (inverter.GetProperty("mac").GetString() == mac)
                {
                    return inverter;
                }
            }

            Assert.True(i < 50, $"no inverter {mac} in the status: {status}\nlog:\n{Log}");
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
