using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Dhcp;

/// <summary>Translates the <c>network</c> section into the options of the pure DHCP engine.</summary>
public static class DhcpEngineOptions
{
    /// <summary>
    /// The engine options for <paramref name="network"/>: the appliance is server, router (3) and DNS server (6); the
    /// configured MAC prefixes replace the engine's built-in SolarEdge list, so <c>allowed_mac_prefixes</c> is exactly
    /// what is answered (its default is the SolarEdge prefix).
    /// </summary>
    public static DhcpServerOptions From(NetworkOptions network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var options = new DhcpServerOptions
        {
            ServerAddress = InetAddress.FromIPAddress(network.Address),
            PrefixLength = network.PrefixLength,
            PoolStart = InetAddress.FromIPAddress(network.PoolStart),
            PoolEnd = InetAddress.FromIPAddress(network.PoolEnd),
            LeaseTime = network.LeaseTime,
            AllowSolarEdgeMacs = false,
        };
        foreach (Configuration.DhcpReservation reservation in network.Reservations)
        {
            options.Reservations.Add(new Protocols.Dhcp.DhcpReservation(reservation.Mac, InetAddress.FromIPAddress(reservation.Address)));
        }

        foreach (MacPrefix prefix in network.AllowedMacPrefixes)
        {
            options.AllowedMacPrefixes.Add(prefix);
        }

        foreach (MacAddress mac in network.AllowedMacs)
        {
            options.AllowedMacs.Add(mac);
        }

        return options;
    }
}
