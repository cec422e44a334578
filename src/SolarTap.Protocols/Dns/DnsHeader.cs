using System.Buffers.Binary;

namespace SolarTap.Protocols.Dns;

/// <summary>
/// The fixed 12-byte message header (RFC 1035 §4.1.1, AD/CD from RFC 4035 §3.2):
/// <code>
///                                 1  1  1  1  1  1
///   0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// |                      ID                       |
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// |                    QDCOUNT                    |
/// |                    ANCOUNT                    |
/// |                    NSCOUNT                    |
/// |                    ARCOUNT                    |
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// </code>
/// </summary>
/// <param name="Id">Query identifier, copied into the response.</param>
/// <param name="Flags">The second 16-bit word: QR, opcode, AA, TC, RD, RA, Z, AD, CD and the 4-bit RCODE.</param>
/// <param name="QuestionCount">QDCOUNT.</param>
/// <param name="AnswerCount">ANCOUNT.</param>
/// <param name="AuthorityCount">NSCOUNT.</param>
/// <param name="AdditionalCount">ARCOUNT.</param>
public readonly record struct DnsHeader(
    ushort Id, ushort Flags, ushort QuestionCount, ushort AnswerCount, ushort AuthorityCount, ushort AdditionalCount)
{
    /// <summary>Bytes in the header.</summary>
    public const int Size = 12;

    /// <summary>QR: the message is a response.</summary>
    public const ushort ResponseFlag = 0x8000;

    /// <summary>AA: authoritative answer.</summary>
    public const ushort AuthoritativeFlag = 0x0400;

    /// <summary>TC: the message was truncated.</summary>
    public const ushort TruncatedFlag = 0x0200;

    /// <summary>RD: recursion desired (copied from the query).</summary>
    public const ushort RecursionDesiredFlag = 0x0100;

    /// <summary>RA: recursion available.</summary>
    public const ushort RecursionAvailableFlag = 0x0080;

    /// <summary>Z: reserved, zero.</summary>
    public const ushort ReservedFlag = 0x0040;

    /// <summary>AD: authentic data (RFC 4035 §3.2.3; RFC 6840 §5.7 lets a client set it in a query).</summary>
    public const ushort AuthenticDataFlag = 0x0020;

    /// <summary>CD: checking disabled (RFC 4035 §3.2.2).</summary>
    public const ushort CheckingDisabledFlag = 0x0010;

    private const int OpcodeShift = 11;

    /// <summary>QR bit.</summary>
    public bool IsResponse => (Flags & ResponseFlag) != 0;

    /// <summary>The 4-bit opcode.</summary>
    public DnsOpcode Opcode => (DnsOpcode)((Flags >> OpcodeShift) & 0xF);

    /// <summary>The 4-bit header RCODE (without the EDNS extension).</summary>
    public int ResponseCode => Flags & 0xF;

    /// <summary>Tests a flag bit such as <see cref="TruncatedFlag"/>.</summary>
    public bool Has(ushort flag) => (Flags & flag) != 0;

    /// <summary>Flags word from its parts; <paramref name="responseCode"/> keeps only its low 4 bits.</summary>
    public static ushort MakeFlags(bool response, DnsOpcode opcode, int responseCode, ushort otherFlags) =>
        (ushort)((response ? ResponseFlag : 0) | (((int)opcode & 0xF) << OpcodeShift) | (otherFlags & 0x07F0) | (responseCode & 0xF));

    /// <summary>Reads a header; <see langword="false"/> when fewer than 12 bytes are given.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out DnsHeader header)
    {
        if (message.Length < Size)
        {
            header = default;
            return false;
        }

        header = new DnsHeader(
            BinaryPrimitives.ReadUInt16BigEndian(message),
            BinaryPrimitives.ReadUInt16BigEndian(message[2..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[10..]));
        return true;
    }

    /// <summary>Writes the 12 header bytes at the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, Id);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Flags);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], QuestionCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], AnswerCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], AuthorityCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], AdditionalCount);
    }
}
