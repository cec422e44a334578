using SolarTap.Supervisor.Status;
using SolarTap.System.Tests.Network;
using SolarTap.System.Tests.SolarEdge;

namespace SolarTap.System.Tests.Capture;

/// <summary>
/// Bridge mode for real: a simulated inverter (`solartap simulate`) in one namespace talks to a stand-in SolarEdge
/// server (`solartap run`, server mode) in another, across a Linux bridge in a third namespace, where a second
/// `solartap run` with <c>capture.interface: br0</c> only watches. The watcher must decode every post exactly once,
/// including the encrypted session, and store the same readings as the server.
/// </summary>
public class BridgeCaptureSystemTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Bridge_PlainAndEncryptedInverter_CaptureDecodesEveryPostOnceAndStoresWhatTheServerStores()
    {
        using var server = new ApplianceFiles("server", "  ports: [22222]");
        using var watcher = new ApplianceFiles("capture", "  mode: off");
        File.WriteAllText(watcher.Config, File.ReadAllText(watcher.Config)
            .Replace("  uplink_interface: none\n", "  uplink_interface: none\n  dhcp_port: off\ndns:\n  port: off\n", StringComparison.Ordinal)
            + "capture:\n  interface: br0\n  ports: [22222, 22221, 80]\n");
        await using NetworkLab lab = NetworkLab.Create();
        string inverter = await lab.AddHostAsync("inv");
        string bridge = await lab.AddHostAsync("br");
        string upstream = await lab.AddHostAsync("srv");
        await lab.LinkAsync(inverter, "eth0", "192.0.2.100/24", bridge, "p0", null);
        await lab.LinkAsync(upstream, "eth0", "192.0.2.1/24", bridge, "p1", null);
        foreach (string[] command in new[]
        {
            new[] { "ip", "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0" },
            ["ip", "link", "set", "p0", "master", "br0"],
            ["ip", "link", "set", "p1", "master", "br0"],
            ["ip", "link", "set", "br0", "up"],
        })
        {
            (await lab.RunAsync(bridge, command)).EnsureSuccess();
        }

        await using RunningProcess real = lab.Start(upstream, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", server.Config);
        await real.WaitForOutputAsync("SolarEdge: listening on 192.0.2.1:22222", Wait);
        await using RunningProcess capture = lab.Start(bridge, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", watcher.Config);
        await capture.WaitForOutputAsync("Capture: capturing on br0, TCP ports 22222, 22221, 80", Wait);

        CommandResult encrypted = await lab.RunAsync(inverter, "dotnet", ApplianceFiles.Solartap, "simulate", "--server", "192.0.2.1:22222",
            "--id", ApplianceFiles.InverterId, "--key", server.KeyFile, "--optimizers", "12", "--interval", "1s", "--posts", "4");
        CommandResult plain = await lab.RunAsync(inverter, "dotnet", ApplianceFiles.Solartap, "simulate", "--server", "192.0.2.1:22222",
            "--id", "7E100001", "--three-phase", "--optimizers", "5", "--interval", "1s", "--posts", "3");
        Assert.True(encrypted.ExitCode == 0, encrypted.StandardOutput + encrypted.StandardError);
        Assert.True(plain.ExitCode == 0, plain.StandardOutput + plain.StandardError);
        Assert.Contains("4 of 4 posts acknowledged", encrypted.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("key exchange acknowledged, 0 problem(s)", encrypted.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("3 of 3 posts acknowledged", plain.StandardOutput, StringComparison.Ordinal);

        // The watcher journals asynchronously: wait until it has seen all 7 posts, then make sure no 8th comes.
        string socket = Path.Combine(watcher.Folder, "status.sock");
        StatusSnapshot status = await WaitForAsync(socket, s => Source(s)?.Counters.GetValueOrDefault("posts") >= 7);
        await Task.Delay(TimeSpan.FromSeconds(2));
        status = await StatusClient.QueryAsync(socket, Wait, CancellationToken.None);
        SourceStatus source = Source(status)!;
        Assert.Equal(ComponentState.Running, source.State);
        Assert.Equal(7, source.Counters["posts"]); // every post decoded exactly once, retransmissions or not
        Assert.Equal(0, source.Counters.GetValueOrDefault("decode_errors"));
        Assert.Equal(0, source.Counters.GetValueOrDefault("undecrypted"));
        Assert.True(source.Counters["frames"] > 20 && source.Counters["bytes"] > 2000, string.Join(", ", source.Counters));
        InverterStatus encryptedInverter = Assert.Single(status.Inverters, i => i.Serial == ApplianceFiles.InverterId);
        Assert.Equal("capture", encryptedInverter.Source);
        Assert.Equal(InverterFirmware.Encrypted, encryptedInverter.Firmware);
        Assert.Equal(4, encryptedInverter.Posts);
        Assert.Equal("192.0.2.100", encryptedInverter.Address);
        InverterStatus plainInverter = Assert.Single(status.Inverters, i => i.Serial == "7E100001");
        Assert.Equal(InverterFirmware.Plain, plainInverter.Firmware);
        Assert.Equal(3, plainInverter.Posts);

        capture.KillHard();
        real.KillHard();
        await capture.Process.WaitForExitAsync();
        await real.Process.WaitForExitAsync();
        List<(string Kind, string Device, string Time)> stored = server.ReadJournal();
        List<(string Kind, string Device, string Time)> copy = watcher.ReadJournal();
        Assert.True(copy.Count > 4 * 13, $"{copy.Count} readings");
        Assert.Equal(stored.Order(), copy.Order()); // the same readings as the server that answered
        Assert.Equal(copy.Count, source.Counters["readings"]); // each stored once
    }

    [Fact]
    public async Task Capture_WithoutCapNetRawOrInterface_SourceFailsSayingWhyAndTheSupervisorRuns()
    {
        Network.Commands.Require("setpriv", "util-linux");
        using var watcher = new ApplianceFiles("capture-denied", "  mode: off");
        string config = File.ReadAllText(watcher.Config)
            .Replace("  uplink_interface: none\n", "  uplink_interface: none\n  dhcp_port: off\ndns:\n  port: off\n", StringComparison.Ordinal);
        await using NetworkLab lab = NetworkLab.Create();
        string bridge = await lab.AddHostAsync("br");
        (await lab.RunAsync(bridge, "ip", "link", "add", "br0", "type", "bridge")).EnsureSuccess();
        (await lab.RunAsync(bridge, "ip", "link", "set", "br0", "up")).EnsureSuccess();
        string socket = Path.Combine(watcher.Folder, "status.sock");

        // Root, but without CAP_NET_RAW in its bounding set: socket(AF_PACKET) fails with EPERM.
        File.WriteAllText(watcher.Config, config + "capture:\n  interface: br0\n");
        await using (RunningProcess denied = lab.Start(bridge, null, "setpriv", "--bounding-set=-net_raw", "dotnet", ApplianceFiles.Solartap, "run", "--config", watcher.Config))
        {
            await denied.WaitForOutputAsync("Capture: cannot capture on br0", Wait);
            StatusSnapshot status = await WaitForAsync(socket, s => Source(s)?.State == ComponentState.Failed);
            Assert.Equal(SupervisorState.Running, status.State);
            Assert.Contains("CAP_NET_RAW", Source(status)!.Detail, StringComparison.Ordinal);
        }

        File.WriteAllText(watcher.Config, config + "capture:\n  interface: br9\n");
        await using (RunningProcess missing = lab.Start(bridge, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", watcher.Config))
        {
            await missing.WaitForOutputAsync("Capture: cannot capture on br9", Wait);
            StatusSnapshot status = await WaitForAsync(socket, s => Source(s)?.State == ComponentState.Failed);
            Assert.Contains("there is no network interface of that name", Source(status)!.Detail, StringComparison.Ordinal);
            Assert.Contains("trying again every 5 s", Source(status)!.Detail, StringComparison.Ordinal);
        }
    }

    private static SourceStatus? Source(StatusSnapshot status) => status.Sources.FirstOrDefault(s => s.Name == "capture");

    private static async Task<StatusSnapshot> WaitForAsync(string socket, Func<StatusSnapshot, bool> condition)
    {
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            StatusSnapshot status = await StatusClient.QueryAsync(socket, Wait, CancellationToken.None);
            if (condition(status))
            {
                return status;
            }

            Assert.True(clock.Elapsed < Wait, $"the capture never got there: {string.Join(", ", Source(status)?.Counters ?? new Dictionary<string, long>())}");
            await Task.Delay(200);
        }
    }
}
