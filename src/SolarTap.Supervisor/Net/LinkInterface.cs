using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace SolarTap.Supervisor.Net;

/// <summary>
/// The inverter-facing interface as the kernel sees it. The servers start only once it carries the appliance's
/// address, so a mistyped <c>network.interface</c> can never make them answer on another network.
/// </summary>
public static class LinkInterface
{
    /// <summary>How long the services wait between looks at an interface that is not ready.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>Whether <paramref name="name"/> exists and carries <paramref name="address"/>; <paramref name="index"/> is its interface index.</summary>
    public static LinkState Check(string name, IPAddress address, out int index)
    {
        ArgumentNullException.ThrowIfNull(address);
        index = 0;
        NetworkInterface? nic = Array.Find(NetworkInterface.GetAllNetworkInterfaces(), n => n.Name == name);
        if (nic is null)
        {
            return LinkState.Missing;
        }

        IPInterfaceProperties properties = nic.GetIPProperties();
        index = address.AddressFamily == AddressFamily.InterNetwork ? properties.GetIPv4Properties()?.Index ?? 0 : 0;
        return properties.UnicastAddresses.Any(a => a.Address.Equals(address)) ? LinkState.Ready : LinkState.NoAddress;
    }

    /// <summary>One line for the status surfaces: what the service waits for.</summary>
    public static string Describe(LinkState state, string name, string cidr) => state switch
    {
        LinkState.Missing => $"waiting for interface {name} (network.interface) to appear",
        LinkState.NoAddress => $"waiting for interface {name} to have the address {cidr} (network.address)",
        _ => $"interface {name} has {cidr}",
    };

    /// <summary>Waits until the interface is ready, reporting what it waits for through <paramref name="waiting"/> (once per change).</summary>
    /// <returns>The interface index.</returns>
    public static async Task<int> WaitUntilReadyAsync(
        string name, IPAddress address, int prefixLength, Action<string> waiting, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        LinkState last = LinkState.Ready;
        while (true)
        {
            LinkState state = Check(name, address, out int index);
            if (state == LinkState.Ready)
            {
                return index;
            }

            if (state != last)
            {
                waiting(Describe(state, name, $"{address}/{prefixLength}"));
                last = state;
            }

            await Task.Delay(RetryInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
