using System.Net;
using SolarTap.Protocols.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>The inverter-facing network (YAML section <c>network</c>).</summary>
public sealed class NetworkOptions
{
    /// <summary>Network interface the inverter is plugged into (<c>interface</c>). Default <c>eth0</c>.</summary>
    public string Interface { get; set; } = "eth0";

    /// <summary>The appliance's own address on that interface (<c>address</c>, CIDR form). Default 192.168.50.1.</summary>
    public IPAddress Address { get; set; } = IPAddress.Parse("192.168.50.1");

    /// <summary>Prefix length of the inverter-facing subnet (the part after '/' in <c>address</c>). Default 24.</summary>
    public int PrefixLength { get; set; } = 24;

    /// <summary>The inverter-facing subnet, from <see cref="Address"/> and <see cref="PrefixLength"/>.</summary>
    public IPNetwork Subnet => new(MaskedAddress(Address, PrefixLength), PrefixLength);

    /// <summary>First address the DHCP server hands out (<c>pool_start</c>). Default 192.168.50.100.</summary>
    public IPAddress PoolStart { get; set; } = IPAddress.Parse("192.168.50.100");

    /// <summary>Last address the DHCP server hands out (<c>pool_end</c>). Default 192.168.50.199.</summary>
    public IPAddress PoolEnd { get; set; } = IPAddress.Parse("192.168.50.199");

    /// <summary>DHCP lease time (<c>lease_time</c>). Default 1 hour.</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Fixed addresses by MAC (<c>reservations</c>). Default none.</summary>
    public IReadOnlyList<DhcpReservation> Reservations { get; set; } = [];

    /// <summary>
    /// The DHCP server answers only devices whose MAC starts with one of these (<c>allowed_mac_prefixes</c>), or is in
    /// <see cref="AllowedMacs"/>. Default the SolarEdge prefix 00:27:02.
    /// </summary>
    public IReadOnlyList<MacPrefix> AllowedMacPrefixes { get; set; } = [MacPrefix.Parse("00:27:02")];

    /// <summary>Further single devices the DHCP server answers (<c>allowed_macs</c>). Default none.</summary>
    public IReadOnlyList<MacAddress> AllowedMacs { get; set; } = [];

    /// <summary>Interface towards the home network and the internet (<c>uplink_interface</c>); null for none. Default <c>wlan0</c>.</summary>
    public string? UplinkInterface { get; set; } = "wlan0";

    /// <summary>
    /// UDP port the DHCP server listens on (<c>dhcp_port</c>); null when the DHCP server is off. Default 67. Replies go
    /// to the clients' port 68.
    /// </summary>
    public int? DhcpPort { get; set; } = 67;

    /// <summary>Where the DHCP leases are kept across restarts (<c>lease_file</c>), absolute. Default /var/lib/solartap/dhcp-leases.txt.</summary>
    public string LeaseFile { get; set; } = "/var/lib/solartap/dhcp-leases.txt";

    /// <summary>Whether the DHCP server may answer <paramref name="mac"/>.</summary>
    public bool IsAllowed(MacAddress mac) => AllowedMacs.Contains(mac) || AllowedMacPrefixes.Any(p => p.Matches(mac));

    internal static IPAddress MaskedAddress(IPAddress address, int prefixLength)
    {
        byte[] bytes = address.GetAddressBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            int bits = Math.Clamp(prefixLength - (8 * i), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }
}
