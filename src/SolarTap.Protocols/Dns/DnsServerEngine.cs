using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dns;

/// <summary>
/// The DNS server of the inverter link, pure: bytes of a query in, a decision and (for local answers) the bytes
/// of the response out. Local zones (default <c>solaredge.com</c> and everything under it) resolve to the
/// appliance; its own address gets a PTR; <c>localhost</c> is answered (RFC 6761 §6.3); other names are forwarded
/// while an upstream is available, else answered per <see cref="DnsServerOptions.OfflinePolicy"/>. There is no
/// cache and no clock: nothing here depends on time. Safe to call from several threads.
/// </summary>
public sealed partial class DnsServerEngine
{
    private static readonly byte[] LocalhostWire = Wire("localhost");
    private static readonly byte[] LoopbackV4Reverse = Wire("1.0.0.127.in-addr.arpa");
    private static readonly byte[] LoopbackV6Reverse = ReverseName(InetAddress.Parse("::1"));
    private static readonly InetAddress LoopbackV4 = InetAddress.Parse("127.0.0.1");
    private static readonly InetAddress LoopbackV6 = InetAddress.Parse("::1");

    private readonly InetAddress _ipv4;
    private readonly InetAddress? _ipv6;
    private readonly byte[][] _zones;
    private readonly byte[][] _tlsNames;
    private readonly byte[] _hostWire;
    private readonly byte[] _hostmasterWire;
    private readonly byte[] _reverseV4;
    private readonly byte[]? _reverseV6;
    private readonly uint _ttl;
    private readonly uint _offlineTtl;
    private readonly int _maxUdp;
    private readonly DnsOfflinePolicy _offlinePolicy;
    private readonly int _maxRemembered;
    private readonly HashSet<(InetAddress Client, ulong Name)> _asked = [];
    private readonly Queue<(InetAddress Client, ulong Name)> _askedOrder = new();
    private readonly Lock _gate = new();
    private volatile bool _upstreamAvailable;

    /// <summary>An engine for <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options do not validate; the message lists every problem.</exception>
    public DnsServerEngine(DnsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        _ipv4 = InetAddress.Parse(options.ApplianceAddress);
        _ipv6 = options.ApplianceIPv6Address is null ? null : InetAddress.Parse(options.ApplianceIPv6Address);
        _zones = [.. options.LocalZones.Select(Wire)];
        _tlsNames = [.. options.TlsNames.Select(Wire)];
        _hostWire = Wire(options.HostName);
        _hostmasterWire = [10, .. "hostmaster"u8, .. _hostWire];
        if (_hostmasterWire.Length > DnsNameWire.MaxLength)
        {
            _hostmasterWire = _hostWire;
        }

        _reverseV4 = ReverseName(_ipv4);
        _reverseV6 = _ipv6 is { } v6 ? ReverseName(v6) : null;
        _ttl = (uint)options.TtlSeconds;
        _offlineTtl = (uint)options.OfflineTtlSeconds;
        _maxUdp = options.MaxUdpPayloadSize;
        _offlinePolicy = options.OfflinePolicy;
        _maxRemembered = options.MaxRememberedNames;
        _upstreamAvailable = options.UpstreamAvailable;
    }

    /// <summary>Whether queries for other names are forwarded; the service sets it as the uplink comes and goes.</summary>
    public bool UpstreamAvailable
    {
        get => _upstreamAvailable;
        set => _upstreamAvailable = value;
    }

    /// <summary>
    /// Decides what to do with one query and, for <see cref="DnsDecisionKind.Answer"/>, writes the response into
    /// <paramref name="response"/> (at least 512 bytes; 65535 for TCP). Never throws on bad input.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="response"/> is shorter than 512 bytes.</exception>
    public DnsDecision Handle(ReadOnlySpan<byte> query, in DnsClientInfo client, Span<byte> response) =>
        HandleCore(query, client, response, _upstreamAvailable, events: true);

    /// <summary>
    /// Answers a query that was forwarded but got no usable reply (timeout, mismatch), as if no upstream were
    /// available: per the offline policy. Raises no events (the first call did).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="response"/> is shorter than 512 bytes.</exception>
    public DnsDecision HandleWithoutUpstream(ReadOnlySpan<byte> query, in DnsClientInfo client, Span<byte> response) =>
        HandleCore(query, client, response, upstream: false, events: false);

    private DnsDecision HandleCore(ReadOnlySpan<byte> query, in DnsClientInfo client, Span<byte> response, bool upstream, bool events)
    {
        if (response.Length < DnsMessage.ClassicUdpSize)
        {
            throw new ArgumentException("The response buffer must hold at least 512 bytes.", nameof(response));
        }

        // A response (QR = 1) is never answered, so two servers cannot ping-pong; no header, nothing to answer.
        if (!DnsHeader.TryRead(query, out DnsHeader header) || header.IsResponse)
        {
            return new DnsDecision(DnsDecisionKind.Drop, 0, DnsResponseCode.NoError, DnsType.None);
        }

        Span<byte> nameBuffer = stackalloc byte[DnsNameWire.MaxLength];
        DnsQueryShape shape = Parse(query, header, nameBuffer);
        ReadOnlySpan<byte> name = nameBuffer[..shape.NameLength];
        var reply = new DnsReplyContext(header, shape, Limit(shape, client.Transport, response.Length));

        if (header.Opcode != DnsOpcode.Query)
        {
            return Reply(reply, name, response, DnsResponseCode.NotImp); // RFC 1035 §4.1.1
        }

        if (shape.Malformed)
        {
            return Reply(reply, name, response, DnsResponseCode.FormErr);
        }

        if (shape.HasEdns && shape.EdnsVersion != 0)
        {
            return Reply(reply, name, response, DnsResponseCode.BadVers); // RFC 6891 §6.1.3
        }

        (string? firstAsked, string? tlsName) = events ? Remember(client.Address, name) : (null, null);
        DnsDecision decision = Decide(reply, name, response, upstream);
        return decision with { FirstAskedName = firstAsked, TlsFirmwareName = tlsName };
    }

    /// <summary>Most bytes the client accepts: 512 over UDP, its EDNS size within 512..our maximum (RFC 6891 §6.2.3, §6.2.5), 65535 over TCP.</summary>
    private int Limit(in DnsQueryShape shape, DnsTransport transport, int bufferLength)
    {
        int limit = transport == DnsTransport.Tcp ? DnsMessage.MaxSize
            : shape.HasEdns ? Math.Clamp((int)shape.UdpPayloadSize, DnsMessage.ClassicUdpSize, _maxUdp)
            : DnsMessage.ClassicUdpSize;
        return Math.Min(limit, bufferLength);
    }

    /// <summary>Records (client, name); returns the name text the first time, and the TLS name when it is one.</summary>
    private (string? FirstAsked, string? TlsName) Remember(InetAddress client, ReadOnlySpan<byte> name)
    {
        var key = (client, DnsNameWire.Hash(name));
        lock (_gate)
        {
            if (!_asked.Add(key))
            {
                return (null, null);
            }

            _askedOrder.Enqueue(key);
            if (_askedOrder.Count > _maxRemembered)
            {
                _asked.Remove(_askedOrder.Dequeue());
            }
        }

        string text = DnsNameWire.ToText(name, lowerCase: true);
        foreach (byte[] tls in _tlsNames)
        {
            if (DnsNameWire.EqualsIgnoreCase(name, tls))
            {
                return (text, text);
            }
        }

        return (text, null);
    }

    private static byte[] Wire(string text)
    {
        Span<byte> wire = stackalloc byte[DnsNameWire.MaxLength];
        return DnsNameWire.TryParse(text.Trim(), wire, out int length) ? wire[..length].ToArray() : throw new FormatException($"'{text}' is not a domain name.");
    }

    /// <summary>The reverse-lookup name of an address: d.c.b.a.in-addr.arpa (RFC 1035 §3.5) or the nibbles under ip6.arpa (RFC 3596 §2.5).</summary>
    private static byte[] ReverseName(InetAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        int length = address.WriteTo(bytes);
        var labels = new List<string>();
        for (int i = length - 1; i >= 0; i--)
        {
            if (address.IsIPv4)
            {
                labels.Add(bytes[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                labels.Add("0123456789abcdef"[bytes[i] & 0xF].ToString());
                labels.Add("0123456789abcdef"[bytes[i] >> 4].ToString());
            }
        }

        labels.Add(address.IsIPv4 ? "in-addr" : "ip6");
        labels.Add("arpa");
        return Wire(string.Join('.', labels));
    }
}
