namespace SolarTap.Protocols.Dns;

/// <summary>The 4-bit OPCODE of the header (RFC 1035 §4.1.1, RFC 1996, RFC 2136).</summary>
public enum DnsOpcode
{
    /// <summary>A standard query; the only kind this server answers.</summary>
    Query = 0,

    /// <summary>Inverse query (obsolete, RFC 3425).</summary>
    InverseQuery = 1,

    /// <summary>Server status request.</summary>
    Status = 2,

    /// <summary>Zone change notification (RFC 1996).</summary>
    Notify = 4,

    /// <summary>Dynamic update (RFC 2136).</summary>
    Update = 5,
}
