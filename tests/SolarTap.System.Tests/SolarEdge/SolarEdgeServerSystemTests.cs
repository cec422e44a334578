using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.SolarEdge;

/// <summary>
/// The real supervisor (`solartap run`) in an appliance namespace and a simulated inverter (`solartap simulate`) in its
/// own namespace, joined by a veth pair: an encrypted session over real TCP, with a kill -9 of the supervisor mid-session.
/// </summary>
public class SolarEdgeServerSystemTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EncryptedInverter_SupervisorKilledMidSession_EveryPostAckedAndStoredExactlyOnce()
    {
        using var files = new ApplianceFiles("server", "  bind_address: appliance\n  ports: [22222, 22221]");
        await using NetworkLab lab = NetworkLab.Create();
        string appliance = await lab.AddHostAsync("appl");
        string inverter = await lab.AddHostAsync("inv");
        await lab.LinkAsync(appliance, "eth0", "192.0.2.1/24", inverter, "eth0", "192.0.2.100/24");

        RunningProcess first = lab.Start(appliance, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", files.Config);
        await first.WaitForOutputAsync("SolarEdge: listening on 192.0.2.1:22222, 22221", Wait);
        await using RunningProcess simulate = lab.Start(inverter, null, "dotnet", ApplianceFiles.Solartap, "simulate",
            "--server", "192.0.2.1:22222", "--id", ApplianceFiles.InverterId, "--key", files.KeyFile, "--three-phase", "--optimizers", "20",
            "--interval", "2s", "--posts", "8", "--timeout", "150s");
        await simulate.WaitForOutputAsync("post 3 of 8 acknowledged", Wait);

        first.KillHard(); // kill -9: no shutdown, no session save at stop
        await first.DisposeAsync();
        await simulate.WaitForOutputAsync("closed the connection", Wait);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the inverter retries against a dead port meanwhile
        await using RunningProcess second = lab.Start(appliance, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", files.Config);
        await simulate.WaitForOutputAsync("OK: every post acknowledged, nothing wrong.", TimeSpan.FromSeconds(150));
        await simulate.Process.WaitForExitAsync();

        Assert.Equal(0, simulate.Process.ExitCode);
        Assert.Contains("8 of 8 posts acknowledged", simulate.Output, StringComparison.Ordinal);
        Assert.Contains("key exchange acknowledged, 0 problem(s)", simulate.Output, StringComparison.Ordinal);
        Assert.Contains("restored the sessions of 1 inverter(s)", second.Output, StringComparison.Ordinal);
        second.KillHard(); // the journal is durable; the file lock goes with the process
        await second.Process.WaitForExitAsync();

        // Every post the inverter sent is in the journal exactly once: raw lines, no de-duplication on read.
        List<(string Kind, string Device, string Time)> journal = files.ReadJournal();
        Assert.Equal(8 * 21, journal.Count);
        Assert.Equal(journal.Count, journal.Distinct().Count());
        Assert.Equal(8, journal.Count(r => r.Kind == "inverter" && r.Device == ApplianceFiles.InverterId));
        Assert.Equal(20, journal.Where(r => r.Kind == "optimizer").Select(r => r.Device).Distinct().Count());
    }

    [Fact(Skip = "Needs the DHCP and DNS services (feature/netsvc), not in this branch yet; the static-address test above covers the SolarEdge part.")]
    public async Task EncryptedInverter_AddressByDhcpNameBySolarTapDns_EveryPostAcked()
    {
        using var files = new ApplianceFiles("dhcp", "  bind_address: appliance");
        await using NetworkLab lab = NetworkLab.Create();
        string appliance = await lab.AddHostAsync("appl");
        string inverter = await lab.AddHostAsync("inv");
        await lab.LinkAsync(appliance, "eth0", "192.0.2.1/24", inverter, "eth0", null);
        await Network.Commands.RunAsync("ip", ["-n", inverter, "link", "set", "eth0", "address", "00:27:02:1a:08:23"]); // a SolarEdge MAC
        string script = Path.Combine(files.Folder, "udhcpc.sh");
        await File.WriteAllTextAsync(script,
            "#!/bin/sh\ncase \"$1\" in bound|renew) ip addr flush dev \"$interface\"; ip addr add \"$ip/$mask\" dev \"$interface\"; echo \"dns=$dns\" ;; esac\n");
        (await Network.Commands.RunAsync("chmod", ["700", script])).EnsureSuccess();

        await using RunningProcess supervisor = lab.Start(appliance, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", files.Config);
        await supervisor.WaitForOutputAsync("SolarEdge: listening on 192.0.2.1:", Wait);
        CommandResult lease = await lab.RunAsync(inverter, "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-s", script, "-t", "5");
        Assert.Contains("dns=192.0.2.1", lease.StandardOutput, StringComparison.Ordinal);
        CommandResult name = await lab.RunAsync(inverter, "dig", "+short", "@192.0.2.1", "prod.solaredge.com", "A");
        Assert.Equal("192.0.2.1", name.StandardOutput.Trim());

        CommandResult simulate = await lab.RunAsync(inverter, "dotnet", ApplianceFiles.Solartap, "simulate",
            "--server", name.StandardOutput.Trim(), "--id", ApplianceFiles.InverterId, "--key", files.KeyFile, "--interval", "2s", "--posts", "3");

        Assert.True(simulate.ExitCode == 0, simulate.StandardOutput);
        Assert.Contains("3 of 3 posts acknowledged", simulate.StandardOutput, StringComparison.Ordinal);
    }
}
