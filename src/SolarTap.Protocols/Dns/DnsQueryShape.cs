namespace SolarTap.Protocols.Dns;

/// <summary>What the engine learned from a query's bytes, beyond the header; the QNAME is in a caller buffer.</summary>
internal struct DnsQueryShape
{
    /// <summary>Exactly one question was read (QDCOUNT = 1).</summary>
    public bool HasQuestion;

    /// <summary>Something after the header is broken, or QDCOUNT is not 1: FORMERR.</summary>
    public bool Malformed;

    /// <summary>Octets of the uncompressed QNAME.</summary>
    public int NameLength;

    /// <summary>QTYPE.</summary>
    public DnsType Type;

    /// <summary>QCLASS.</summary>
    public DnsClass Class;

    /// <summary>An OPT record was read (RFC 6891).</summary>
    public bool HasEdns;

    /// <summary>The client's UDP payload size from OPT CLASS.</summary>
    public ushort UdpPayloadSize;

    /// <summary>EDNS VERSION.</summary>
    public byte EdnsVersion;

    /// <summary>DO bit (RFC 3225), copied into the response's OPT.</summary>
    public bool DnssecOk;
}
