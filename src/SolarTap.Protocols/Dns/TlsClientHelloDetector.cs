namespace SolarTap.Protocols.Dns;

/// <summary>
/// Recognises the first bytes of a TLS connection, so the SolarEdge server can tell a TLS-firmware inverter from
/// one speaking the proprietary protocol (whose frames start 0x12 0x34 0x56 0x79, spec §1.1). A TLS record
/// (RFC 8446 §5.1) carrying a handshake message (RFC 8446 §4):
/// <code>
/// offset   0      1     2      3     4      5      6     7     8
///       +------+-----+-----+-----------+------+-----------------+----
///       | 0x16 | 0x03| 0x0X| length    | 0x01 | length (24 bit) | ClientHello body
///       +------+-----+-----+-----------+------+-----------------+----
///        type   legacy_version  record    msg_type
///        = 22   (0x0301 usual)  length    = client_hello
///                               (4..2^14)
/// </code>
/// </summary>
public static class TlsClientHelloDetector
{
    /// <summary>Bytes needed to decide: the 5-byte record header and the handshake type.</summary>
    public const int BytesNeeded = 6;

    /// <summary>What the status model shows for such an inverter, and the log says once.</summary>
    public const string TlsFirmwareGuidance = "TLS firmware: its data cannot be decoded over the network; use RS485 or SunSpec Modbus";

    private const byte HandshakeContentType = 0x16; // RFC 8446 §5.1 ContentType.handshake (22)
    private const byte ClientHelloType = 0x01; // RFC 8446 §4 HandshakeType.client_hello (1)
    private const int MaxRecordLength = 1 << 14; // RFC 8446 §5.1: TLSPlaintext.length MUST NOT exceed 2^14

    /// <summary>Whether <paramref name="firstBytes"/> start like a TLS ClientHello (false with fewer than <see cref="BytesNeeded"/> bytes).</summary>
    public static bool Looks(ReadOnlySpan<byte> firstBytes)
    {
        if (firstBytes.Length < BytesNeeded)
        {
            return false;
        }

        // legacy_record_version is 0x0301 in practice (RFC 8446 §5.1), 0x0300..0x0304 seen; any 0x03 0x0X accepted.
        int length = (firstBytes[3] << 8) | firstBytes[4];
        return firstBytes[0] == HandshakeContentType && firstBytes[1] == 0x03 && firstBytes[2] <= 0x0F
            && length >= 4 && length <= MaxRecordLength && firstBytes[5] == ClientHelloType;
    }

    /// <summary>Whether more bytes could still make <paramref name="firstBytes"/> a ClientHello (so wait before deciding).</summary>
    public static bool CouldBe(ReadOnlySpan<byte> firstBytes)
    {
        ReadOnlySpan<byte> prefix = [HandshakeContentType, 0x03];
        int common = Math.Min(firstBytes.Length, prefix.Length);
        return firstBytes.Length < BytesNeeded ? firstBytes[..common].SequenceEqual(prefix[..common]) && (firstBytes.Length < 3 || firstBytes[2] <= 0x0F) : Looks(firstBytes);
    }
}
