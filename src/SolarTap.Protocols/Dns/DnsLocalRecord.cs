using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dns;

/// <summary>One record of a local answer, owned by the question's name: A/AAAA (<see cref="Address"/>), PTR (<see cref="Target"/>) or the zone's SOA.</summary>
/// <param name="Type">A, AAAA, PTR or SOA; <see cref="DnsType.None"/> for no record.</param>
/// <param name="Address">Address of an A or AAAA record.</param>
/// <param name="Target">Uncompressed name a PTR points to.</param>
internal readonly record struct DnsLocalRecord(DnsType Type, InetAddress Address = default, byte[]? Target = null)
{
    /// <summary>No record.</summary>
    public static DnsLocalRecord None => default;
}
