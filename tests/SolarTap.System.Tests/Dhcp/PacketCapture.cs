using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Dhcp;

/// <summary>tcpdump on one interface of a namespace, one line per packet, to prove that nothing was sent there.</summary>
public sealed class PacketCapture : IAsyncDisposable
{
    private readonly RunningProcess _process;

    private PacketCapture(RunningProcess process) => _process = process;

    /// <summary>Starts tcpdump on <paramref name="iface"/> in <paramref name="ns"/> with a BPF <paramref name="filter"/>; returns once it listens.</summary>
    public static async Task<PacketCapture> StartAsync(NetworkLab lab, string ns, string iface, string filter)
    {
        Network.Commands.Require("tcpdump", "tcpdump");
        RunningProcess process = lab.Start(ns, null, "tcpdump", "-i", iface, "-n", "-l", "-U", "-p", filter);
        await process.WaitForOutputAsync("listening on", TimeSpan.FromSeconds(10));
        return new PacketCapture(process);
    }

    /// <summary>The packets seen so far (tcpdump's one-line summaries).</summary>
    public IReadOnlyList<string> Packets =>
        [.. _process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains(" IP ", StringComparison.Ordinal) || l.StartsWith("IP ", StringComparison.Ordinal))];

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
