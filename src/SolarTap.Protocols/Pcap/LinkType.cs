namespace SolarTap.Protocols.Pcap;

/// <summary>
/// Link-layer header types of pcap and pcapng files (the LINKTYPE_ registry referenced by
/// draft-ietf-opsawg-pcaplinktype). Only the ones the dissector reads are named; any other value is carried through.
/// </summary>
public enum LinkType
{
    /// <summary>LINKTYPE_NULL: BSD loopback, a 4-byte address family in the capturing host's byte order.</summary>
    Null = 0,

    /// <summary>LINKTYPE_ETHERNET: IEEE 802.3 / Ethernet II.</summary>
    Ethernet = 1,

    /// <summary>LINKTYPE_RAW: raw IPv4 or IPv6, version from the first nibble.</summary>
    Raw = 101,

    /// <summary>LINKTYPE_LOOP: OpenBSD loopback, a 4-byte address family in network byte order.</summary>
    Loop = 108,

    /// <summary>LINKTYPE_LINUX_SLL: Linux "cooked" capture, version 1 (16-byte header).</summary>
    LinuxSll = 113,

    /// <summary>LINKTYPE_IPV4: raw IPv4.</summary>
    IPv4 = 228,

    /// <summary>LINKTYPE_IPV6: raw IPv6.</summary>
    IPv6 = 229,

    /// <summary>LINKTYPE_LINUX_SLL2: Linux "cooked" capture, version 2 (20-byte header).</summary>
    LinuxSll2 = 276,
}
