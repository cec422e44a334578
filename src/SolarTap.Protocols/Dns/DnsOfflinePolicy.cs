namespace SolarTap.Protocols.Dns;

/// <summary>How names outside the local zones are answered while no upstream resolver is available.</summary>
public enum DnsOfflinePolicy
{
    /// <summary>REFUSED (RFC 1035 §4.1.1): the client tries elsewhere or gives up; nothing false is cached.</summary>
    Refuse = 0,

    /// <summary>NXDOMAIN without an SOA, so the denial is not cached (RFC 2308 §5).</summary>
    NXDomain,

    /// <summary>Answer A queries with the appliance's address (short TTL), like the local zones.</summary>
    Local,
}
