using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// Configuration of the DHCP server on the inverter port. Defaults describe a small private link
/// (172.31.254.1/24, pool .10–.50, lease one day as semonitor gave, spec §5.3); <see cref="Validate"/> before use.
/// </summary>
public sealed class DhcpServerOptions
{
    /// <summary>The appliance's address on the inverter port; sent as server identifier (54).</summary>
    public InetAddress ServerAddress { get; set; } = InetAddress.Parse("172.31.254.1");

    /// <summary>Subnet prefix length, 8 to 30; the mask (option 1) follows from it.</summary>
    public int PrefixLength { get; set; } = 24;

    /// <summary>First address of the dynamic pool.</summary>
    public InetAddress PoolStart { get; set; } = InetAddress.Parse("172.31.254.10");

    /// <summary>Last address of the dynamic pool (inclusive).</summary>
    public InetAddress PoolEnd { get; set; } = InetAddress.Parse("172.31.254.50");

    /// <summary>Router (option 3); null means the server address (the appliance is the inverter's gateway, spec §5.3).</summary>
    public InetAddress? Router { get; set; }

    /// <summary>DNS servers (option 6); empty means the server address (the appliance answers DNS, spec §5.3).</summary>
    public IList<InetAddress> DnsServers { get; } = [];

    /// <summary>Domain name (option 15); null or empty means none is sent.</summary>
    public string? DomainName { get; set; }

    /// <summary>Lease time (option 51); T1 is half of it and T2 seven eighths (RFC 2131 §4.4.5).</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an offered address is held for the client's DHCPREQUEST.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an address declined by a client (DHCPDECLINE, in use by someone else) is not offered.</summary>
    public TimeSpan DeclineHoldTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Fixed addresses by MAC; a reserved MAC is always answered.</summary>
    public IList<DhcpReservation> Reservations { get; } = [];

    /// <summary>Whether SolarEdge MAC prefixes (<see cref="InverterOuis.SolarEdge"/>, spec §5.3/§5.4) are answered.</summary>
    public bool AllowSolarEdgeMacs { get; set; } = true;

    /// <summary>Further MAC prefixes to answer (e.g. <c>b8:27:eb</c>, a Raspberry Pi, as semonitor did for tests).</summary>
    public IList<MacPrefix> AllowedMacPrefixes { get; } = [];

    /// <summary>Further single MACs to answer.</summary>
    public IList<MacAddress> AllowedMacs { get; } = [];

    /// <summary>Answer every MAC (testing only; the port is meant for the inverter alone).</summary>
    public bool AllowAnyMac { get; set; }

    /// <summary>The subnet mask as a number.</summary>
    internal uint Mask => Ipv4.Mask(PrefixLength);

    /// <summary>
    /// Checks the options; returns one plain message per problem, empty when the options can be used.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PrefixLength is < 8 or > 30)
        {
            errors.Add($"dhcp prefix length {PrefixLength} is out of range: use 8 to 30 (24 means 255.255.255.0).");
        }

        uint mask = Mask;
        if (!ServerAddress.IsIPv4)
        {
            errors.Add($"dhcp server address '{ServerAddress}' is not an IPv4 address.");
            return errors;
        }

        uint server = Ipv4.ToUInt32(ServerAddress);
        uint network = server & mask;
        uint broadcast = network | ~mask;
        string subnet = $"{Ipv4.Format(network)}/{PrefixLength}";
        bool InSubnet(uint a) => (a & mask) == network && a != network && a != broadcast;
        if (!InSubnet(server))
        {
            errors.Add($"dhcp server address {ServerAddress} is the network or broadcast address of {subnet}.");
        }

        bool poolOk = true;
        foreach ((string name, InetAddress address) in new[] { ("pool start", PoolStart), ("pool end", PoolEnd) })
        {
            if (!address.IsIPv4 || !InSubnet(Ipv4.ToUInt32(address)))
            {
                errors.Add($"dhcp {name} {address} is outside the subnet {subnet} of the server address (or is its network/broadcast address).");
                poolOk = false;
            }
        }

        uint start = Ipv4.ToUInt32(PoolStart), end = Ipv4.ToUInt32(PoolEnd);
        if (poolOk && start > end)
        {
            errors.Add($"dhcp pool start {PoolStart} is after pool end {PoolEnd}.");
            poolOk = false;
        }

        bool InPool(uint a) => poolOk && a >= start && a <= end;
        if (InPool(server))
        {
            errors.Add($"dhcp server address {ServerAddress} is inside the pool {PoolStart}–{PoolEnd}; move the pool or the server address.");
        }

        if (Router is InetAddress router && (!router.IsIPv4 || !InSubnet(Ipv4.ToUInt32(router)) || InPool(Ipv4.ToUInt32(router))))
        {
            errors.Add($"dhcp router {router} must be an IPv4 address in {subnet} outside the pool.");
        }

        if (DnsServers.Count > 16 || DnsServers.Any(d => !d.IsIPv4))
        {
            errors.Add("dhcp DNS servers must be IPv4 addresses, at most 16.");
        }

        if (!string.IsNullOrEmpty(DomainName) && (DomainName.Length > 253 || !DomainName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
        {
            errors.Add($"dhcp domain name '{DomainName}' must be up to 253 ASCII letters, digits, '.', '-' or '_'.");
        }

        if (LeaseTime < TimeSpan.FromMinutes(1) || LeaseTime.TotalSeconds >= uint.MaxValue)
        {
            errors.Add($"dhcp lease time {LeaseTime} is out of range: use at least 1 minute and less than 136 years.");
        }

        if (OfferTimeout <= TimeSpan.Zero)
        {
            errors.Add($"dhcp offer timeout {OfferTimeout} must be positive.");
        }

        if (DeclineHoldTime < TimeSpan.Zero)
        {
            errors.Add($"dhcp decline hold time {DeclineHoldTime} must not be negative.");
        }

        ValidateReservations(errors, InSubnet, server, subnet);
        return errors;
    }

    private void ValidateReservations(List<string> errors, Func<uint, bool> inSubnet, uint server, string subnet)
    {
        var macs = new HashSet<MacAddress>();
        var addresses = new HashSet<InetAddress>();
        uint router = Router is InetAddress r ? Ipv4.ToUInt32(r) : server;
        foreach (DhcpReservation? reservation in Reservations)
        {
            if (reservation is null)
            {
                errors.Add("dhcp reservation is empty.");
                continue;
            }

            uint address = Ipv4.ToUInt32(reservation.Address);
            if (!reservation.Address.IsIPv4 || !inSubnet(address) || address == server || address == router)
            {
                errors.Add($"dhcp reservation {reservation.Mac} → {reservation.Address} must be an IPv4 address in {subnet}, not the server or router address.");
            }

            if (!macs.Add(reservation.Mac))
            {
                errors.Add($"dhcp reservation for {reservation.Mac} is listed twice.");
            }

            if (!addresses.Add(reservation.Address))
            {
                errors.Add($"dhcp reserved address {reservation.Address} is given to two MACs.");
            }
        }
    }
}
