namespace SolarTap.Protocols.Dns;

/// <summary>Why <see cref="DnsMessage.TryRead"/> refused a message.</summary>
public enum DnsReadError
{
    /// <summary>The message was read.</summary>
    None = 0,

    /// <summary>Fewer than 12 bytes: not even a header (nothing to answer).</summary>
    HeaderTooShort,

    /// <summary>A name is cut, too long, uses a reserved label type or a pointer that does not go back.</summary>
    BadName,

    /// <summary>A question or record is cut by the end of the message, or its RDLENGTH overruns it.</summary>
    Truncated,

    /// <summary>RDATA with names (NS, CNAME, SOA, PTR, MX) does not hold what its type says.</summary>
    BadRecordData,

    /// <summary>An OPT record that is not alone, not in the additional section, not owned by the root, or has cut options (RFC 6891 §6.1.1).</summary>
    BadOpt,
}
