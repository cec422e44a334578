using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// The DHCP server of the inverter port (RFC 2131 §4.3), pure: the caller passes each received message, the current
/// time and a buffer for the reply; the engine decides the reply, its destination and an event. Answers only allowed
/// MACs (SolarEdge prefixes, configured prefixes and MACs, reservations). Not thread-safe: call from one thread.
/// </summary>
public sealed partial class DhcpServerEngine
{
    /// <summary>
    /// Smallest reply buffer accepted: a client must accept 576-byte IP datagrams (RFC 2131 §2), i.e. a 548-byte
    /// DHCP message. Replies never exceed this unless the client's option 57 allows more and the buffer has room.
    /// </summary>
    public const int MinimumReplyBuffer = 576 - 28;

    private readonly DhcpServerOptions _options;
    private readonly DhcpLeaseStore _store;
    private readonly uint _server;
    private readonly InetAddress[] _routers;
    private readonly InetAddress[] _dnsServers;
    private readonly byte[] _domainName;
    private readonly uint _leaseSeconds;
    private readonly HashSet<MacAddress> _allowedMacs;
    private readonly MacPrefix[] _allowedPrefixes;

    /// <summary>An engine for <paramref name="options"/> with an empty lease store (import saved leases into <see cref="Leases"/>).</summary>
    /// <exception cref="ArgumentException">The options do not validate; the message lists the problems.</exception>
    public DhcpServerEngine(DhcpServerOptions options)
    {
        _store = new DhcpLeaseStore(options); // validates
        _options = options;
        _server = Ipv4.ToUInt32(options.ServerAddress);
        _routers = [options.Router ?? options.ServerAddress];
        _dnsServers = options.DnsServers.Count > 0 ? [.. options.DnsServers] : [options.ServerAddress];
        _domainName = string.IsNullOrEmpty(options.DomainName) ? [] : System.Text.Encoding.ASCII.GetBytes(options.DomainName);
        _leaseSeconds = (uint)options.LeaseTime.TotalSeconds;
        _allowedMacs = [.. options.AllowedMacs, .. options.Reservations.Select(r => r.Mac)];
        _allowedPrefixes = [.. options.AllowSolarEdgeMacs ? InverterOuis.SolarEdge : [], .. options.AllowedMacPrefixes];
    }

    /// <summary>The lease state: for the status page, and for <see cref="DhcpLeaseStore.Export"/>/<see cref="DhcpLeaseStore.Import"/>.</summary>
    public DhcpLeaseStore Leases => _store;

    /// <summary>Whether messages from <paramref name="mac"/> are answered.</summary>
    public bool IsAllowed(MacAddress mac) =>
        _options.AllowAnyMac || _allowedMacs.Contains(mac) || Array.Exists(_allowedPrefixes, p => p.Matches(mac));

    /// <summary>
    /// Handles one message received on the server port (RFC 2131 §4.3). A reply, if any, is written to the start
    /// of <paramref name="reply"/> (at least <see cref="MinimumReplyBuffer"/> bytes); the decision says its length and
    /// where to send it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="reply"/> is shorter than <see cref="MinimumReplyBuffer"/>.</exception>
    public DhcpDecision Handle(in DhcpMessage request, DateTimeOffset now, Span<byte> reply)
    {
        if (reply.Length < MinimumReplyBuffer)
        {
            throw new ArgumentException($"The reply buffer needs at least {MinimumReplyBuffer} bytes.", nameof(reply));
        }

        MacAddress mac = request.ClientMac;
        if (request.Op != DhcpMessage.BootRequest)
        {
            return Ignore(mac, DhcpIgnoreReason.NotARequest);
        }

        if (!request.IsEthernet)
        {
            return Ignore(mac, DhcpIgnoreReason.NotEthernet);
        }

        if (!IsAllowed(mac))
        {
            return Ignore(mac, DhcpIgnoreReason.MacNotAllowed);
        }

        uint giaddr = request.Giaddr;
        if (giaddr != 0 && !_store.InSubnet(giaddr))
        {
            return Ignore(mac, DhcpIgnoreReason.WrongSubnet); // RFC 2131 §4.3.1: 'giaddr' names the client's subnet
        }

        return request.MessageType switch
        {
            DhcpMessageType.Discover => Discover(request, now, reply),
            DhcpMessageType.Request => Request(request, now, reply),
            DhcpMessageType.Release => Release(request, now),
            DhcpMessageType.Decline => Decline(request, now),
            DhcpMessageType.Inform => Inform(request, reply),
            DhcpMessageType.None => Ignore(mac, DhcpIgnoreReason.NotDhcp),
            _ => Ignore(mac, DhcpIgnoreReason.UnsupportedMessageType),
        };
    }

    /// <summary>
    /// Ends leases whose time ran out by <paramref name="now"/> and returns an <see cref="DhcpEventKind.Expired"/>
    /// event for each; also forgets timed-out offers and declines. Call periodically (e.g. every minute); persist
    /// when events come back.
    /// </summary>
    public IReadOnlyList<DhcpLeaseEvent> Expire(DateTimeOffset now) =>
        [.. _store.Expire(now).Select(l => new DhcpLeaseEvent(DhcpEventKind.Expired, l.Mac, l.Address, l.HostName, l.ExpiresAt))];

    // RFC 2131 §4.3.1: DHCPDISCOVER → DHCPOFFER with an address chosen in the order TryChoose documents.
    private DhcpDecision Discover(in DhcpMessage request, DateTimeOffset now, Span<byte> reply)
    {
        MacAddress mac = request.ClientMac;
        var client = DhcpClientId.Of(request);
        uint requested = request.TryGetRequestedAddress(out InetAddress r) ? Ipv4.ToUInt32(r) : 0;
        if (!_store.TryChoose(client, mac, requested, now, out uint address))
        {
            return Ignore(mac, DhcpIgnoreReason.PoolExhausted);
        }

        DhcpLease? current = _store.Find(address);
        string? hostName = DhcpText.Sanitise(request.HostName) ?? current?.HostName;
        DateTimeOffset holdUntil = now + _options.OfferTimeout;
        long version = _store.Version;
        if (current is not null && current.Client == client && current.IsBound(now))
        {
            holdUntil = current.ExpiresAt; // a bound client asking again keeps its lease; the offer repeats it
        }
        else
        {
            _store.Put(new DhcpLease(Ipv4.ToAddress(address), client, mac, hostName, holdUntil, DhcpLeaseState.Offered));
        }

        int length = WriteReply(request, reply, DhcpMessageType.Offer, address, 0, withLease: true, null);
        var evt = new DhcpLeaseEvent(DhcpEventKind.Offered, mac, Ipv4.ToAddress(address), hostName, holdUntil);
        return Reply(request, DhcpMessageType.Offer, length, address, evt, _store.Version != version);
    }

    private static DhcpDecision Ignore(MacAddress mac, DhcpIgnoreReason reason) =>
        new() { Event = new DhcpLeaseEvent(DhcpEventKind.Ignored, mac, default, null, null, reason) };
}
