using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.SolarEdge;

/// <summary>
/// Relay mode across three namespaces: inverter ⇄ appliance (relay) ⇄ a stand-in "real server" (a second solartap in
/// server mode) in an upstream namespace. socat records the bytes at both ends; they must be identical.
/// </summary>
public class SolarEdgeRelaySystemTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Relay_EncryptedInverter_RealServerGetsByteIdenticalTrafficAndTheCopyIsDecoded()
    {
        Network.Commands.Require("socat", "socat");
        using var relayFiles = new ApplianceFiles("relay", "  mode: relay\n  relay_fallback: hold\n  ports: [22222]");
        using var realFiles = new ApplianceFiles("real", "  bind_address: 127.0.0.1\n  ports: [22223]", "198.51.100.10/24", "198.51.100.100", "198.51.100.150");
        await using NetworkLab lab = NetworkLab.Create();
        string inverter = await lab.AddHostAsync("inv");
        string appliance = await lab.AddHostAsync("appl");
        string upstream = await lab.AddHostAsync("real");
        await lab.LinkAsync(inverter, "eth0", "192.0.2.100/24", appliance, "eth0", "192.0.2.1/24");
        await lab.LinkAsync(appliance, "eth1", "198.51.100.1/24", upstream, "eth0", "198.51.100.10/24");

        // The appliance's own resolver (ip netns exec bind-mounts /etc/netns/NS/hosts) knows the real server's name.
        string etc = Path.Combine("/etc/netns", appliance);
        Directory.CreateDirectory(etc);
        await File.WriteAllTextAsync(Path.Combine(etc, "hosts"), "127.0.0.1 localhost\n198.51.100.10 prod.solaredge.com\n");
        try
        {
            string recordings = relayFiles.Folder;
            await using RunningProcess real = lab.Start(upstream, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", realFiles.Config);
            await real.WaitForOutputAsync("SolarEdge: listening on 127.0.0.1:22223", Wait);
            await using RunningProcess realTap = lab.Start(upstream, null, "socat", "-r", $"{recordings}/real.in", "-R", $"{recordings}/real.out",
                "TCP-LISTEN:22222,bind=198.51.100.10,reuseaddr", "TCP:127.0.0.1:22223");
            await using RunningProcess relay = lab.Start(appliance, null, "dotnet", ApplianceFiles.Solartap, "run", "--config", relayFiles.Config);
            await relay.WaitForOutputAsync("SolarEdge: relaying to prod.solaredge.com, listening on 192.0.2.1:22222", Wait);
            await using RunningProcess inverterTap = lab.Start(inverter, null, "socat", "-r", $"{recordings}/inverter.in", "-R", $"{recordings}/inverter.out",
                "TCP-LISTEN:22222,bind=127.0.0.1,reuseaddr", "TCP:192.0.2.1:22222");
            await Task.Delay(500);

            CommandResult simulate = await lab.RunAsync(inverter, "dotnet", ApplianceFiles.Solartap, "simulate", "--server", "127.0.0.1:22222",
                "--id", ApplianceFiles.InverterId, "--key", relayFiles.KeyFile, "--optimizers", "12", "--interval", "2s", "--posts", "4");
            await inverterTap.Process.WaitForExitAsync(); // socat ends with the connection
            await realTap.Process.WaitForExitAsync();

            Assert.True(simulate.ExitCode == 0, simulate.StandardOutput + simulate.StandardError);
            Assert.Contains("4 of 4 posts acknowledged", simulate.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("key exchange acknowledged, 0 problem(s)", simulate.StandardOutput, StringComparison.Ordinal);
            byte[] sent = await File.ReadAllBytesAsync($"{recordings}/inverter.in");
            Assert.True(sent.Length > 4 * 300);
            Assert.Equal(sent, await File.ReadAllBytesAsync($"{recordings}/real.in"));
            Assert.Equal(await File.ReadAllBytesAsync($"{recordings}/inverter.out"), await File.ReadAllBytesAsync($"{recordings}/real.out"));

            relay.KillHard();
            real.KillHard();
            await relay.Process.WaitForExitAsync();
            await real.Process.WaitForExitAsync();
            List<(string Kind, string Device, string Time)> copy = relayFiles.ReadJournal();
            Assert.Equal(4 * 13, copy.Count); // the relayed encrypted posts, decoded with the key
            Assert.Equal(realFiles.ReadJournal().Order(), copy.Order());
            Assert.Contains("relaying", relay.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(etc, recursive: true);
        }
    }
}
