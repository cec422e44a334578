namespace SolarTap.Protocols.Dns;

/// <summary>
/// Resource record types (TYPE and QTYPE), as numbers with names for the ones the appliance meets. Any other
/// 16-bit value is valid on the wire and kept as a number (RFC 3597).
/// </summary>
#pragma warning disable CA1028 // the wire field is 16 bits; the enum mirrors it
public enum DnsType : ushort
#pragma warning restore CA1028
{
    /// <summary>No type (not used on the wire).</summary>
    None = 0,

    /// <summary>IPv4 host address (RFC 1035 §3.4.1).</summary>
    A = 1,

    /// <summary>Authoritative name server (RFC 1035 §3.3.11).</summary>
    NS = 2,

    /// <summary>Canonical name (RFC 1035 §3.3.1).</summary>
    CNAME = 5,

    /// <summary>Start of a zone of authority (RFC 1035 §3.3.13).</summary>
    SOA = 6,

    /// <summary>Domain name pointer (RFC 1035 §3.3.12).</summary>
#pragma warning disable CA1720 // the record type's registered mnemonic
    PTR = 12,
#pragma warning restore CA1720

    /// <summary>Host information (RFC 1035 §3.3.2).</summary>
    HINFO = 13,

    /// <summary>Mail exchange (RFC 1035 §3.3.9).</summary>
    MX = 15,

    /// <summary>Text strings (RFC 1035 §3.3.14).</summary>
    TXT = 16,

    /// <summary>IPv6 host address (RFC 3596 §2.1).</summary>
    AAAA = 28,

    /// <summary>Service location (RFC 2782).</summary>
    SRV = 33,

    /// <summary>EDNS0 pseudo-record, additional section only (RFC 6891 §6.1.1).</summary>
    OPT = 41,

    /// <summary>DNSSEC signature (RFC 4034 §3).</summary>
    RRSIG = 46,

    /// <summary>DNSSEC public key (RFC 4034 §2).</summary>
    DNSKEY = 48,

    /// <summary>Service binding (RFC 9460).</summary>
    SVCB = 64,

    /// <summary>HTTPS service binding (RFC 9460).</summary>
    HTTPS = 65,

    /// <summary>Incremental zone transfer, QTYPE only (RFC 1995).</summary>
    IXFR = 251,

    /// <summary>Zone transfer, QTYPE only (RFC 1035 §3.2.3).</summary>
    AXFR = 252,

    /// <summary>All records, QTYPE only (RFC 1035 §3.2.3, RFC 8482).</summary>
    ANY = 255,
}
