using System.Text.Json;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;
using SolarTap.System.Tests.Network;
using SolarTap.Testing.Simulators;

namespace SolarTap.System.Tests.Serial;

/// <summary><c>solartap run</c> with an <c>rs485</c> section, as a real process, polling simulated slaves over a socat pty pair.</summary>
public sealed class Rs485SupervisorTests
{
    private static readonly string SolarTapDll = Path.Combine(AppContext.BaseDirectory, "solartap.dll");

    [Fact]
    public async Task Run_Rs485Master_JournalsPostsAndShowsEachSlaveInStatus()
    {
        await using SocatPtyPair pair = await SocatPtyPair.StartAsync();
        using LinuxSerialPort busPort = LinuxSerialPort.Open(pair.B, new SerialSettings(115200));
        var good = new SolarEdgeRs485Slave(0x7F10_4920);
        var bus = new SolarEdgeRs485Bus(good, new SolarEdgeRs485Slave(0x7F10_4A16) { Silent = true });
        using var stop = new CancellationTokenSource();
        Task serving = Task.Run(() => bus.Serve(busPort, stop.Token));
        string folder = Directory.CreateTempSubdirectory("solartap-rs485-").FullName;
        string socket = Path.Combine(folder, "status.sock");
        string config = Path.Combine(folder, "solartap.yaml");
        File.WriteAllText(config, $"""
            network:
              dhcp_port: off
            dns:
              port: off
            solaredge:
              mode: off
            journal:
              path: {folder}/journal.db
            rs485:
              port: {pair.A}
              slaves: [7F104920, 7F104A16]
              poll_interval: 1s
              response_timeout: 1s
              retries: 0
              offline_after: 2
            status:
              socket: {socket}
            """);

        JsonElement status = default;
        await using (RunningProcess supervisor = Network.Commands.Start("dotnet", [SolarTapDll, "run", "--config", config]))
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                await Task.Delay(500, patience.Token);
                CommandResult result = await Network.Commands.RunAsync("dotnet", [SolarTapDll, "status", "--socket", socket, "--json"]);
                if (result.ExitCode != 0)
                {
                    continue;
                }

                status = JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
                if (Source(status, "rs485-7F104920") is { } s && s.GetProperty("counters").GetProperty("posts").GetInt64() >= 2
                    && Source(status, "rs485-7F104A16")?.GetProperty("state").GetString() == "waiting")
                {
                    break;
                }

                Assert.False(supervisor.Process.HasExited, supervisor.Output);
            }
        }

        await stop.CancelAsync();
        await serving;
        Assert.True(good.Acknowledged >= 2);
        Assert.Equal("running", Source(status, "rs485-7F104920")!.Value.GetProperty("state").GetString());
        Assert.StartsWith("offline after 2 unanswered polls", Source(status, "rs485-7F104A16")!.Value.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(Source(status, "rs485")!.Value.GetProperty("counters").GetProperty("readings").GetInt64() >= 8);
        Assert.Contains(status.GetProperty("inverters").EnumerateArray(), i => i.GetProperty("serial").GetString() == "7F104920");
        Directory.Delete(folder, recursive: true);
    }

    private static JsonElement? Source(JsonElement status, string name)
    {
        foreach (JsonElement source in status.GetProperty("sources").EnumerateArray())
        {
            if (source.GetProperty("name").GetString() == name)
            {
                return source;
            }
        }

        return null;
    }
}
