namespace SolarTap.Protocols.Dns;

/// <summary>
/// A whole DNS message (RFC 1035 §4.1) as objects: header fields, the four sections and the EDNS0 OPT record
/// (RFC 6891), which is kept out of <see cref="Additionals"/>. For tests, tools and checking upstream replies;
/// the server engine reads and writes queries without it.
/// </summary>
public sealed partial class DnsMessage
{
    /// <summary>Largest message: the TCP length prefix is 16 bits (RFC 1035 §4.2.2).</summary>
    public const int MaxSize = 65535;

    /// <summary>UDP limit without EDNS (RFC 1035 §4.2.1).</summary>
    public const int ClassicUdpSize = 512;

    /// <summary>ID.</summary>
    public ushort Id { get; set; }

    /// <summary>QR: a response.</summary>
    public bool IsResponse { get; set; }

    /// <summary>OPCODE.</summary>
    public DnsOpcode Opcode { get; set; }

    /// <summary>AA.</summary>
    public bool IsAuthoritative { get; set; }

    /// <summary>TC as read; the writer sets it by itself when it has to cut records.</summary>
    public bool IsTruncated { get; set; }

    /// <summary>RD.</summary>
    public bool RecursionDesired { get; set; }

    /// <summary>RA.</summary>
    public bool RecursionAvailable { get; set; }

    /// <summary>AD (RFC 4035 §3.2.3).</summary>
    public bool AuthenticData { get; set; }

    /// <summary>CD (RFC 4035 §3.2.2).</summary>
    public bool CheckingDisabled { get; set; }

    /// <summary>The full response code: header RCODE plus, with EDNS, the extended bits from the OPT record (RFC 6891 §6.1.3).</summary>
    public DnsResponseCode ResponseCode { get; set; }

    /// <summary>Question section.</summary>
    public IList<DnsQuestion> Questions { get; } = [];

    /// <summary>Answer section.</summary>
    public IList<DnsRecord> Answers { get; } = [];

    /// <summary>Authority section.</summary>
    public IList<DnsRecord> Authorities { get; } = [];

    /// <summary>Additional section, without the OPT record.</summary>
    public IList<DnsRecord> Additionals { get; } = [];

    /// <summary>The EDNS0 OPT record, or <see langword="null"/> when the message has none.</summary>
    public DnsEdns? Edns { get; set; }

    private ushort HeaderFlags() => DnsHeader.MakeFlags(
        IsResponse,
        Opcode,
        (int)ResponseCode,
        (ushort)((IsAuthoritative ? DnsHeader.AuthoritativeFlag : 0) | (IsTruncated ? DnsHeader.TruncatedFlag : 0)
            | (RecursionDesired ? DnsHeader.RecursionDesiredFlag : 0) | (RecursionAvailable ? DnsHeader.RecursionAvailableFlag : 0)
            | (AuthenticData ? DnsHeader.AuthenticDataFlag : 0) | (CheckingDisabled ? DnsHeader.CheckingDisabledFlag : 0)));
}
