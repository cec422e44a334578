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
        await lab.LinkAsync(appliance, "eth0", "192.0.2.1/24", inverter, "eth0", null);

        RunningProcess first = lab.Start(appliance, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", files.Config);
        await first.WaitForOutputAsync("SolarEdge: listening on 192.0.2.1:22222, 22221", Wait);
        await LeaseAsync(lab, inverter, files);

        // The inverter's resolver is SolarTap's DNS (ip netns exec bind-mounts /etc/netns/NS/resolv.conf): every
        // connection attempt looks prod.solaredge.com up again, as a real inverter does.
        string etc = Path.Combine("/etc/netns", inverter);
        Directory.CreateDirectory(etc);
        await File.WriteAllTextAsync(Path.Combine(etc, "resolv.conf"), "nameserver 192.0.2.1\n");
        try
        {
            await KillMidSessionAsync(lab, appliance, inverter, files, first);
        }
        finally
        {
            Directory.Delete(etc, recursive: true);
            try
            {
                first.KillHard(); // when the test failed before the kill
            }
            catch (InvalidOperationException)
            {
                // killed and disposed by the test
            }
        }
    }

    private static async Task KillMidSessionAsync(NetworkLab lab, string appliance, string inverter, ApplianceFiles files, RunningProcess first)
    {
        await using RunningProcess simulate = lab.Start(inverter, null, "dotnet", ApplianceFiles.Solartap, "simulate",
            "--server", "prod.solaredge.com:22222", "--id", ApplianceFiles.InverterId, "--key", files.KeyFile, "--three-phase", "--optimizers", "20",
            "--interval", "2s", "--posts", "8", "--timeout", "150s");
        await simulate.WaitForOutputAsync("post 3 of 8 acknowledged", Wait);

        first.KillHard(); // kill -9: no shutdown, no session save at stop
        await first.DisposeAsync();
        await simulate.WaitForOutputAsync("; trying again in", Wait); // the connection is lost; the inverter retries
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

    [Fact]
    public async Task EncryptedInverter_AddressByDhcpNameBySolarTapDns_EveryPostAcked()
    {
        using var files = new ApplianceFiles("dhcp", "  bind_address: appliance");
        await using NetworkLab lab = NetworkLab.Create();
        string appliance = await lab.AddHostAsync("appl");
        string inverter = await lab.AddHostAsync("inv");
        await lab.LinkAsync(appliance, "eth0", "192.0.2.1/24", inverter, "eth0", null);
        await using RunningProcess supervisor = lab.Start(appliance, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", files.Config);
        await supervisor.WaitForOutputAsync("SolarEdge: listening on 192.0.2.1:", Wait);
        await LeaseAsync(lab, inverter, files);
        CommandResult name = await lab.RunAsync(inverter, "dig", "+short", "@192.0.2.1", "prod.solaredge.com", "A");
        Assert.Equal("192.0.2.1", name.StandardOutput.Trim());

        CommandResult simulate = await lab.RunAsync(inverter, "dotnet", ApplianceFiles.Solartap, "simulate",
            "--server", name.StandardOutput.Trim(), "--id", ApplianceFiles.InverterId, "--key", files.KeyFile, "--interval", "2s", "--posts", "3");

        Assert.True(simulate.ExitCode == 0, simulate.StandardOutput);
        Assert.Contains("3 of 3 posts acknowledged", simulate.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The inverter gets its address from SolarTap's DHCP server with a real udhcpc (SolarEdge MAC), and SolarTap as its DNS server.</summary>
    private static async Task LeaseAsync(NetworkLab lab, string inverter, ApplianceFiles files)
    {
        (await Network.Commands.RunAsync("ip", ["-n", inverter, "link", "set", "eth0", "address", "00:27:02:1a:08:23"])).EnsureSuccess();
        string script = Path.Combine(files.Folder, "udhcpc.sh");
        await File.WriteAllTextAsync(script,
            "#!/bin/sh\ncase \"$1\" in bound|renew) ip addr flush dev \"$interface\"; ip addr add \"$ip/$mask\" dev \"$interface\"; echo \"lease=$ip dns=$dns\" ;; esac\n");
        (await Network.Commands.RunAsync("chmod", ["700", script])).EnsureSuccess();
        CommandResult lease = await lab.RunAsync(inverter, "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-s", script, "-t", "5");
        Assert.True(lease.ExitCode == 0, lease.StandardOutput + lease.StandardError);
        Assert.Matches(@"lease=192\.0\.2\.1\d\d dns=192\.0\.2\.1\b", lease.StandardOutput);
    }
}
