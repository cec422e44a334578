using System.Buffers.Binary;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dns;

/// <summary>
/// A resource record (RFC 1035 §4.1.3). <see cref="Data"/> is the RDATA with any domain names in it uncompressed,
/// so it means the same outside the message; the writer compresses names again for the RFC 1035 types
/// (NS, CNAME, SOA, PTR, MX) only, as RFC 3597 §4 requires.
/// </summary>
/// <param name="Name">Owner name.</param>
/// <param name="Type">TYPE.</param>
/// <param name="Class">CLASS.</param>
/// <param name="Ttl">TTL in seconds as on the wire (RFC 2181 §8 treats values of 2^31 and above as 0).</param>
/// <param name="Data">RDATA, names uncompressed.</param>
public sealed record DnsRecord(DnsName Name, DnsType Type, DnsClass Class, uint Ttl, ReadOnlyMemory<byte> Data)
{
    /// <summary>An A record (RFC 1035 §3.4.1).</summary>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not IPv4.</exception>
    public static DnsRecord A(DnsName name, uint ttl, InetAddress address)
    {
        if (!address.IsIPv4)
        {
            throw new ArgumentException("An A record needs an IPv4 address.", nameof(address));
        }

        var data = new byte[4];
        address.WriteTo(data);
        return new DnsRecord(name, DnsType.A, DnsClass.IN, ttl, data);
    }

    /// <summary>An AAAA record (RFC 3596 §2.2).</summary>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not IPv6.</exception>
    public static DnsRecord Aaaa(DnsName name, uint ttl, InetAddress address)
    {
        if (address.IsIPv4)
        {
            throw new ArgumentException("An AAAA record needs an IPv6 address.", nameof(address));
        }

        var data = new byte[16];
        address.WriteTo(data);
        return new DnsRecord(name, DnsType.AAAA, DnsClass.IN, ttl, data);
    }

    /// <summary>A record whose RDATA is one name: NS, CNAME or PTR (RFC 1035 §3.3).</summary>
    public static DnsRecord WithName(DnsName name, DnsType type, uint ttl, DnsName target) =>
        new(name, type, DnsClass.IN, ttl, target.Wire.ToArray());

    /// <summary>An MX record (RFC 1035 §3.3.9).</summary>
    public static DnsRecord Mx(DnsName name, uint ttl, ushort preference, DnsName exchange)
    {
        var data = new byte[2 + exchange.WireLength];
        BinaryPrimitives.WriteUInt16BigEndian(data, preference);
        exchange.Wire.CopyTo(data.AsSpan(2));
        return new DnsRecord(name, DnsType.MX, DnsClass.IN, ttl, data);
    }

    /// <summary>An SOA record (RFC 1035 §3.3.13); the five counters follow the two names.</summary>
    public static DnsRecord Soa(DnsName name, uint ttl, DnsName primary, DnsName mailbox, uint serial, uint refresh, uint retry, uint expire, uint minimum)
    {
        var data = new byte[primary.WireLength + mailbox.WireLength + 20];
        primary.Wire.CopyTo(data);
        mailbox.Wire.CopyTo(data.AsSpan(primary.WireLength));
        Span<byte> numbers = data.AsSpan(primary.WireLength + mailbox.WireLength);
        BinaryPrimitives.WriteUInt32BigEndian(numbers, serial);
        BinaryPrimitives.WriteUInt32BigEndian(numbers[4..], refresh);
        BinaryPrimitives.WriteUInt32BigEndian(numbers[8..], retry);
        BinaryPrimitives.WriteUInt32BigEndian(numbers[12..], expire);
        BinaryPrimitives.WriteUInt32BigEndian(numbers[16..], minimum);
        return new DnsRecord(name, DnsType.SOA, DnsClass.IN, ttl, data);
    }

    /// <summary>Whether RDATA of <paramref name="type"/> holds names that may be compressed (RFC 3597 §4).</summary>
    public static bool HasCompressibleNames(DnsType type) => type is DnsType.NS or DnsType.CNAME or DnsType.PTR or DnsType.SOA or DnsType.MX;

    /// <inheritdoc/>
    public bool Equals(DnsRecord? other) =>
        other is not null && Name.EqualsExactly(other.Name) && Type == other.Type && Class == other.Class && Ttl == other.Ttl
        && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Type, Class, Ttl, Data.Length);
}
