namespace SolarTap.Protocols.Net;

/// <summary>Outcome of <see cref="PacketDissector.TryDissectTcp"/>.</summary>
public enum DissectStatus
{
    /// <summary>A TCP segment was found; the packet is set.</summary>
    Tcp,

    /// <summary>A well-formed frame that is not TCP over IPv4/IPv6 (ARP, UDP, ICMP, LLC, ...).</summary>
    NotTcp,

    /// <summary>A non-first IP fragment: it has no TCP header and is ignored.</summary>
    Fragment,

    /// <summary>The capture holds fewer bytes than the headers declare (snap length, or a cut frame).</summary>
    Truncated,

    /// <summary>A header field is impossible (bad IP version, header length below the minimum, ...).</summary>
    Malformed,

    /// <summary>The capture's link type is not one this dissector knows.</summary>
    UnsupportedLinkType,
}
