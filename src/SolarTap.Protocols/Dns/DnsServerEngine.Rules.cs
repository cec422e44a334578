using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dns;

public sealed partial class DnsServerEngine
{
    /// <summary>The local rules, in order: class and transfers, localhost, PTR for the appliance, local zones, then upstream or the offline policy.</summary>
    private DnsDecision Decide(in DnsReplyContext reply, ReadOnlySpan<byte> name, Span<byte> response, bool upstream)
    {
        DnsType type = reply.Shape.Type;
        if (reply.Shape.Class is not (DnsClass.IN or DnsClass.ANY) || type is DnsType.AXFR or DnsType.IXFR)
        {
            return Reply(reply, name, response, DnsResponseCode.Refused); // no zone transfers, no CHAOS
        }

        int at = DnsNameWire.FindSuffix(name, LocalhostWire);
        if (at >= 0)
        {
            return Addresses(reply, name, response, LoopbackV4, LoopbackV6, at, _ttl, authoritative: true); // RFC 6761 §6.3
        }

        if (DnsNameWire.EqualsIgnoreCase(name, _reverseV4) || (_reverseV6 is not null && DnsNameWire.EqualsIgnoreCase(name, _reverseV6)))
        {
            return Pointer(reply, name, response, _hostWire);
        }

        if (DnsNameWire.EqualsIgnoreCase(name, LoopbackV4Reverse) || DnsNameWire.EqualsIgnoreCase(name, LoopbackV6Reverse))
        {
            return Pointer(reply, name, response, LocalhostWire);
        }

        foreach (byte[] zone in _zones)
        {
            at = DnsNameWire.FindSuffix(name, zone);
            if (at >= 0)
            {
                return Addresses(reply, name, response, _ipv4, _ipv6, at, _ttl, authoritative: true);
            }
        }

        if (upstream)
        {
            return new DnsDecision(DnsDecisionKind.Forward, 0, DnsResponseCode.NoError, type);
        }

        return _offlinePolicy switch
        {
            DnsOfflinePolicy.NXDomain => Reply(reply, name, response, DnsResponseCode.NXDomain), // no SOA: not cached (RFC 2308 §5)
            DnsOfflinePolicy.Local => Addresses(reply, name, response, _ipv4, _ipv6, -1, _offlineTtl, authoritative: false),
            _ => Reply(reply, name, response, DnsResponseCode.Refused),
        };
    }

    /// <summary>
    /// A and AAAA answers for a name that resolves to <paramref name="v4"/>/<paramref name="v6"/>. Without an IPv6
    /// address, AAAA and every other type get NOERROR with no answer (NODATA) and, when <paramref name="zoneAt"/>
    /// marks the zone in the name, the zone's SOA in the authority section for negative caching (RFC 2308 §2.2, §3).
    /// </summary>
    private DnsDecision Addresses(
        in DnsReplyContext reply, ReadOnlySpan<byte> name, Span<byte> response, InetAddress v4, InetAddress? v6, int zoneAt, uint ttl, bool authoritative)
    {
        var a = new DnsLocalRecord(DnsType.A, v4);
        DnsLocalRecord aaaa = v6 is { } address ? new DnsLocalRecord(DnsType.AAAA, address) : DnsLocalRecord.None;
        return reply.Shape.Type switch
        {
            DnsType.A => Reply(reply, name, response, DnsResponseCode.NoError, authoritative, a, ttl: ttl),
            DnsType.AAAA when aaaa.Type != DnsType.None => Reply(reply, name, response, DnsResponseCode.NoError, authoritative, aaaa, ttl: ttl),
            DnsType.ANY => Reply(reply, name, response, DnsResponseCode.NoError, authoritative, a, aaaa, ttl: ttl), // RFC 8482: a subset is fine
            DnsType.SOA when zoneAt == 0 => Reply(reply, name, response, DnsResponseCode.NoError, authoritative, new DnsLocalRecord(DnsType.SOA), ttl: ttl),
            _ => Reply(reply, name, response, DnsResponseCode.NoError, authoritative, soaAt: zoneAt, ttl: ttl),
        };
    }

    /// <summary>PTR (or ANY) for a reverse name we own; other types NODATA with an SOA owned by the name itself.</summary>
    private DnsDecision Pointer(in DnsReplyContext reply, ReadOnlySpan<byte> name, Span<byte> response, byte[] target) =>
        reply.Shape.Type is DnsType.PTR or DnsType.ANY
            ? Reply(reply, name, response, DnsResponseCode.NoError, authoritative: true, new DnsLocalRecord(DnsType.PTR, Target: target), ttl: _ttl)
            : Reply(reply, name, response, DnsResponseCode.NoError, authoritative: true, soaAt: 0, ttl: _ttl);
}
