namespace SolarTap.Protocols.Dns;

/// <summary>
/// The EDNS0 OPT pseudo-record of a message (RFC 6891 §6.1.2, §6.1.3). On the wire:
/// <code>
/// NAME   root (0)
/// TYPE   41 (OPT)
/// CLASS  requestor's UDP payload size
/// TTL    | EXTENDED-RCODE (8) | VERSION (8) | DO (1) | Z (15) |
/// RDLEN  then RDATA: { OPTION-CODE u16, OPTION-LENGTH u16, OPTION-DATA }*
/// </code>
/// The extended RCODE bits are part of <see cref="DnsMessage.ResponseCode"/> instead.
/// </summary>
/// <param name="UdpPayloadSize">Largest UDP payload the sender can reassemble; values below 512 mean 512 (RFC 6891 §6.2.3).</param>
/// <param name="Version">EDNS version; only 0 exists.</param>
/// <param name="DnssecOk">DO bit (RFC 3225): the sender wants DNSSEC records.</param>
/// <param name="Options">The options as they are on the wire (code, length, data)*.</param>
public sealed record DnsEdns(ushort UdpPayloadSize, byte Version, bool DnssecOk, ReadOnlyMemory<byte> Options)
{
    /// <summary>Bytes of an OPT record with no options.</summary>
    public const int EmptySize = 11;

    /// <summary>The DO bit in the 16-bit flags half of TTL.</summary>
    public const ushort DnssecOkFlag = 0x8000;

    /// <summary>Option code of DNS cookies (RFC 7873 §4).</summary>
    public const ushort CookieOption = 10;

    /// <summary>Whether <paramref name="options"/> is a well-formed sequence of (code, length, data) (RFC 6891 §6.1.2).</summary>
    public static bool AreOptionsWellFormed(ReadOnlySpan<byte> options)
    {
        while (options.Length > 0)
        {
            if (options.Length < 4)
            {
                return false;
            }

            int length = (options[2] << 8) | options[3];
            if (options.Length < 4 + length)
            {
                return false;
            }

            options = options[(4 + length)..];
        }

        return true;
    }

    /// <inheritdoc/>
    public bool Equals(DnsEdns? other) =>
        other is not null && UdpPayloadSize == other.UdpPayloadSize && Version == other.Version && DnssecOk == other.DnssecOk
        && Options.Span.SequenceEqual(other.Options.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UdpPayloadSize, Version, DnssecOk, Options.Length);
}
