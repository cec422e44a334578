namespace SolarTap.Protocols.Dns;

/// <summary>
/// Response codes (RFC 1035 §4.1.1). Values above 15 are extended: their upper 8 bits travel in the OPT
/// record and only the lower 4 bits in the header (RFC 6891 §6.1.3).
/// </summary>
public enum DnsResponseCode
{
    /// <summary>No error.</summary>
    NoError = 0,

    /// <summary>The server could not interpret the query.</summary>
    FormErr = 1,

    /// <summary>The server failed (for example the upstream did not answer).</summary>
    ServFail = 2,

    /// <summary>The name does not exist.</summary>
    NXDomain = 3,

    /// <summary>The kind of query (opcode) is not implemented.</summary>
    NotImp = 4,

    /// <summary>The server refuses to answer.</summary>
    Refused = 5,

    /// <summary>The EDNS version of the query is not supported (RFC 6891 §6.1.3).</summary>
    BadVers = 16,
}
