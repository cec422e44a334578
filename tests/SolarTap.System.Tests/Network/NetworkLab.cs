using System.Security.Cryptography;

namespace SolarTap.System.Tests.Network;

/// <summary>
/// Test hosts in network namespaces this test creates and always removes: each host is a namespace, hosts are
/// joined by veth pairs. Addresses come from the documentation ranges (RFC 5737), so no traffic can leave the lab.
/// </summary>
public sealed class NetworkLab : IAsyncDisposable
{
    private readonly string _prefix = "st" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly List<string> _namespaces = [];

    private NetworkLab()
    {
    }

    /// <summary>A new, empty lab; fails unless running as root with iproute2.</summary>
    public static NetworkLab Create()
    {
        Commands.RequireRoot();
        Commands.Require("ip", "iproute2");
        return new NetworkLab();
    }

    /// <summary>Adds a host (a namespace with loopback up) and returns its namespace name.</summary>
    public async Task<string> AddHostAsync(string name)
    {
        string ns = $"{_prefix}-{name}";
        await Ip("netns", "add", ns);
        _namespaces.Add(ns);
        await Ip("-n", ns, "link", "set", "lo", "up");
        return ns;
    }

    /// <summary>
    /// Joins two hosts with a veth pair named <paramref name="leftInterface"/> / <paramref name="rightInterface"/>,
    /// optionally with addresses in CIDR form (null leaves the interface unconfigured, e.g. for a DHCP client).
    /// </summary>
    public async Task LinkAsync(string left, string leftInterface, string? leftAddress, string right, string rightInterface, string? rightAddress)
    {
        string temporary = $"{_prefix}t{_namespaces.Count}";
        await Ip("link", "add", temporary + "a", "type", "veth", "peer", "name", temporary + "b");
        await Ip("link", "set", temporary + "a", "netns", left);
        await Ip("link", "set", temporary + "b", "netns", right);
        await Ip("-n", left, "link", "set", temporary + "a", "name", leftInterface);
        await Ip("-n", right, "link", "set", temporary + "b", "name", rightInterface);
        foreach ((string ns, string iface, string? address) in new[] { (left, leftInterface, leftAddress), (right, rightInterface, rightAddress) })
        {
            if (address is not null)
            {
                await Ip("-n", ns, "addr", "add", address, "dev", iface);
            }

            await Ip("-n", ns, "link", "set", iface, "up");
        }
    }

    /// <summary>Runs a command inside a host.</summary>
    public Task<CommandResult> RunAsync(string ns, params string[] command)
        => Commands.RunAsync("ip", ["netns", "exec", Own(ns), .. command], TimeSpan.FromSeconds(60));

    /// <summary>Starts a long-running command inside a host.</summary>
    public RunningProcess Start(string ns, IDictionary<string, string>? environment, params string[] command)
        => Commands.Start("ip", ["netns", "exec", Own(ns), .. command], environment);

    public async ValueTask DisposeAsync()
    {
        foreach (string ns in _namespaces)
        {
            // Deleting a namespace ends its veth links; processes still inside were killed by their handles.
            await Commands.RunAsync("ip", ["netns", "del", ns]);
        }
    }

    private string Own(string ns)
    {
        Assert.True(_namespaces.Contains(ns), $"{ns} is not a host of this lab.");
        return ns;
    }

    private static async Task Ip(params string[] args) => (await Commands.RunAsync("ip", args)).EnsureSuccess();
}
