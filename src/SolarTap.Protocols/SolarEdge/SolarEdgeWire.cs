namespace SolarTap.Protocols.SolarEdge;

/// <summary>Sizes and constants of the SolarEdge message layout (spec §1.1).</summary>
/// <remarks>
/// <code>
///  0      4     6      8     10    14    18     20        20+N
///  barker │ N   │ ~N   │ seq │ src │ dst │ func │ payload │ CRC
///  12 34 56 79, then u16/u32 fields little-endian, CRC u16 little-endian
/// </code>
/// </remarks>
public static class SolarEdgeWire
{
    /// <summary>The barker as it appears on the wire.</summary>
    public static ReadOnlySpan<byte> Barker => [0x12, 0x34, 0x56, 0x79];

    /// <summary>Bytes before the payload: barker, length, inverted length, seq, src, dst, function.</summary>
    public const int HeaderSize = 20;

    /// <summary>Bytes of the trailing CRC.</summary>
    public const int CrcSize = 2;

    /// <summary>Header plus CRC: the size of a message with an empty payload.</summary>
    public const int Overhead = HeaderSize + CrcSize;

    /// <summary>The largest payload the length field can declare.</summary>
    public const int MaxPayloadLength = ushort.MaxValue;

    /// <summary>
    /// Default cap on a declared payload length before the reader waits for it (spec §1.5 rule 6a).
    /// Real posts are a few KiB; 16 KiB leaves room and stops a false barker from stalling a stream.
    /// </summary>
    public const int DefaultMaxPayloadLength = 16 * 1024;

    /// <summary>Size of a whole message with <paramref name="payloadLength"/> payload bytes.</summary>
    public static int FrameSize(int payloadLength) => Overhead + payloadLength;
}
