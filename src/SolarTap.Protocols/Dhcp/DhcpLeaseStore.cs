using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// The server's address state: the pool, reservations, bindings (offered, bound, and released/expired ones
/// remembered so a client gets its previous address back, RFC 2131 §4.3.1) and declined addresses. At most one
/// binding per address and one per client. Not thread-safe: the engine's caller serialises access.
/// </summary>
public sealed partial class DhcpLeaseStore
{
    private readonly Dictionary<uint, DhcpLease> _byAddress = [];
    private readonly Dictionary<DhcpClientId, uint> _byClient = [];
    private readonly Dictionary<uint, DateTimeOffset> _declinedUntil = [];
    private readonly Dictionary<MacAddress, uint> _reservedByMac = [];
    private readonly Dictionary<uint, MacAddress> _reservedByAddress = [];
    private readonly uint _poolStart;
    private readonly uint _poolEnd;
    private readonly uint _mask;
    private readonly uint _network;
    private readonly uint _server;
    private readonly uint _router;

    /// <summary>A store for the pool and reservations of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options do not validate; the message lists the problems.</exception>
    public DhcpLeaseStore(DhcpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _poolStart = Ipv4.ToUInt32(options.PoolStart);
        _poolEnd = Ipv4.ToUInt32(options.PoolEnd);
        _mask = options.Mask;
        _server = Ipv4.ToUInt32(options.ServerAddress);
        _network = _server & _mask;
        _router = options.Router is InetAddress router ? Ipv4.ToUInt32(router) : _server;
        foreach (DhcpReservation reservation in options.Reservations)
        {
            uint address = Ipv4.ToUInt32(reservation.Address);
            _reservedByMac[reservation.Mac] = address;
            _reservedByAddress[address] = reservation.Mac;
        }
    }

    /// <summary>Increases whenever something <see cref="Export"/> writes changes; persist when it moved.</summary>
    public long Version { get; private set; }

    /// <summary>Number of bindings (any state).</summary>
    public int Count => _byAddress.Count;

    /// <summary>All bindings in address order (a copy).</summary>
    public IReadOnlyList<DhcpLease> Snapshot() => [.. _byAddress.OrderBy(pair => pair.Key).Select(pair => pair.Value)];

    /// <summary>The binding at <paramref name="address"/>, or null.</summary>
    public DhcpLease? FindByAddress(InetAddress address) =>
        address.IsIPv4 && _byAddress.TryGetValue(Ipv4.ToUInt32(address), out DhcpLease? lease) ? lease : null;

    /// <summary>The binding of <paramref name="client"/> (current or remembered), or null.</summary>
    public DhcpLease? FindByClient(DhcpClientId client) =>
        _byClient.TryGetValue(client, out uint address) ? _byAddress[address] : null;

    /// <summary>Whether <paramref name="address"/> is held back after a DHCPDECLINE at <paramref name="now"/>.</summary>
    public bool IsDeclined(InetAddress address, DateTimeOffset now) => address.IsIPv4 && IsDeclined(Ipv4.ToUInt32(address), now);

    internal bool IsDeclined(uint address, DateTimeOffset now) =>
        _declinedUntil.TryGetValue(address, out DateTimeOffset until) && until > now;

    internal bool InSubnet(uint address) =>
        (address & _mask) == _network && address != _network && address != (_network | ~_mask);

    internal bool InPool(uint address) => address >= _poolStart && address <= _poolEnd;

    internal bool TryGetReservation(MacAddress mac, out uint address) => _reservedByMac.TryGetValue(mac, out address);

    internal DhcpLease? Find(uint address) => _byAddress.TryGetValue(address, out DhcpLease? lease) ? lease : null;

    /// <summary>
    /// Whether <paramref name="address"/> may be bound to this client now: in the subnet, not the server or router,
    /// reserved for this MAC or else in the pool and unreserved, not declined, and not held by another client.
    /// </summary>
    internal bool IsAvailableFor(uint address, DhcpClientId client, MacAddress mac, DateTimeOffset now)
    {
        if (!InSubnet(address) || address == _server || address == _router || IsDeclined(address, now))
        {
            return false;
        }

        bool reservedForThisMac = false;
        if (_reservedByAddress.TryGetValue(address, out MacAddress owner))
        {
            if (owner != mac)
            {
                return false;
            }

            reservedForThisMac = true;
        }
        else if (!InPool(address))
        {
            return false;
        }

        DhcpLease? holder = Find(address);
        return holder is null || !holder.IsLive(now) || holder.Client == client || (reservedForThisMac && holder.Mac == mac);
    }

    /// <summary>
    /// The address to offer (RFC 2131 §4.3.1): the MAC's reservation, else the client's current or previous address,
    /// else the requested one, else a never-used pool address, else the least recently used free one.
    /// </summary>
    internal bool TryChoose(DhcpClientId client, MacAddress mac, uint requested, DateTimeOffset now, out uint address)
    {
        if (_reservedByMac.TryGetValue(mac, out address) && IsAvailableFor(address, client, mac, now))
        {
            return true;
        }

        if (_byClient.TryGetValue(client, out address) && IsAvailableFor(address, client, mac, now))
        {
            return true;
        }

        if (requested != 0 && IsAvailableFor(requested, client, mac, now))
        {
            address = requested;
            return true;
        }

        for (uint a = _poolStart; a <= _poolEnd && a >= _poolStart; a++)
        {
            if (!_byAddress.ContainsKey(a) && IsAvailableFor(a, client, mac, now))
            {
                address = a;
                return true;
            }
        }

        DhcpLease? oldest = null;
        foreach ((uint a, DhcpLease lease) in _byAddress)
        {
            if ((oldest is null || lease.ExpiresAt < oldest.ExpiresAt) && IsAvailableFor(a, client, mac, now))
            {
                oldest = lease;
                address = a;
            }
        }

        return oldest is not null;
    }

    /// <summary>Stores <paramref name="lease"/>, replacing the binding at its address and the client's other binding.</summary>
    internal void Put(DhcpLease lease)
    {
        uint address = Ipv4.ToUInt32(lease.Address);
        bool persistent = lease.State != DhcpLeaseState.Offered;
        if (_byAddress.TryGetValue(address, out DhcpLease? previous))
        {
            persistent |= previous.State != DhcpLeaseState.Offered;
            if (previous.Client != lease.Client && _byClient.TryGetValue(previous.Client, out uint at) && at == address)
            {
                _byClient.Remove(previous.Client);
            }
        }

        if (_byClient.TryGetValue(lease.Client, out uint old) && old != address)
        {
            persistent |= _byAddress[old].State != DhcpLeaseState.Offered;
            _byAddress.Remove(old);
        }

        _byAddress[address] = lease;
        _byClient[lease.Client] = address;
        if (persistent)
        {
            Version++;
        }
    }

    /// <summary>Removes the binding at <paramref name="address"/>.</summary>
    internal void Remove(uint address)
    {
        if (_byAddress.Remove(address, out DhcpLease? lease))
        {
            _byClient.Remove(lease.Client);
            if (lease.State != DhcpLeaseState.Offered)
            {
                Version++;
            }
        }
    }

    /// <summary>Holds <paramref name="address"/> back until <paramref name="until"/> and drops its binding.</summary>
    internal void Decline(uint address, DateTimeOffset until)
    {
        Remove(address);
        _declinedUntil[address] = until;
    }

    /// <summary>
    /// Moves leases that ended by <paramref name="now"/> to <see cref="DhcpLeaseState.Expired"/> and returns them;
    /// drops timed-out offers and declines.
    /// </summary>
    internal List<DhcpLease> Expire(DateTimeOffset now)
    {
        var expired = new List<DhcpLease>();
        foreach ((uint address, DhcpLease lease) in _byAddress.ToList())
        {
            if (lease.State == DhcpLeaseState.Bound && lease.ExpiresAt <= now)
            {
                DhcpLease ended = lease with { State = DhcpLeaseState.Expired };
                _byAddress[address] = ended;
                expired.Add(ended);
                Version++;
            }
            else if (lease.State == DhcpLeaseState.Offered && lease.ExpiresAt <= now)
            {
                Remove(address);
            }
        }

        foreach ((uint address, DateTimeOffset until) in _declinedUntil.ToList())
        {
            if (until <= now)
            {
                _declinedUntil.Remove(address);
            }
        }

        return expired;
    }
}
