using System.Buffers;

namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// The MQTT 3.1.1 fixed header (§2.2) and its Remaining Length (§2.2.3):
/// <code>
///   bit     7   6   5   4   3   2   1   0
///  byte 1  [ packet type  ][    flags     ]   §2.2.1, §2.2.2 (Table 2.2)
///  byte 2… [ Remaining Length, 1-4 bytes  ]   §2.2.3: 7 bits per byte, least significant first,
///                                              bit 7 = "more bytes follow"
/// </code>
/// The Remaining Length counts the variable header and payload, not the fixed header itself.
/// </summary>
public static class MqttWire
{
    /// <summary>The largest Remaining Length four bytes can carry: 0xFF 0xFF 0xFF 0x7F (§2.2.3).</summary>
    public const int MaxRemainingLength = 268_435_455;

    /// <summary>The longest Remaining Length field (§2.2.3).</summary>
    public const int MaxRemainingLengthBytes = 4;

    /// <summary>The largest fixed header: one type/flags byte and four length bytes.</summary>
    public const int MaxFixedHeaderSize = 1 + MaxRemainingLengthBytes;

    /// <summary>The longest UTF-8 string or binary field: a two-byte length prefix (§1.5.3).</summary>
    public const int MaxStringLength = 65_535;

    /// <summary>The protocol level of MQTT 3.1.1 in CONNECT (§3.1.2.2).</summary>
    public const byte ProtocolLevel = 4;

    /// <summary>The flags nibble that PUBREL, SUBSCRIBE and UNSUBSCRIBE must carry (§2.2.2, Table 2.2).</summary>
    public const byte ReservedFlagsOne = 0b0010;

    /// <summary>How many bytes the Remaining Length field for <paramref name="value"/> takes (1-4).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or above <see cref="MaxRemainingLength"/>.</exception>
    public static int RemainingLengthSize(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxRemainingLength);
        return value switch
        {
            < 128 => 1,
            < 16_384 => 2,
            < 2_097_152 => 3,
            _ => 4,
        };
    }

    /// <summary>Writes the Remaining Length field (§2.2.3) and returns its size.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int WriteRemainingLength(Span<byte> destination, int value)
    {
        int size = RemainingLengthSize(value);
        if (destination.Length < size)
        {
            throw new ArgumentException("The destination is too short for the Remaining Length.", nameof(destination));
        }

        for (int i = 0; i < size; i++)
        {
            byte digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = i < size - 1 ? (byte)(digit | 0x80) : digit;
        }

        return size;
    }

    /// <summary>
    /// Reads a Remaining Length from the start of <paramref name="source"/> (§2.2.3). Never throws.
    /// </summary>
    /// <returns>
    /// <see cref="OperationStatus.Done"/> with <paramref name="value"/> and <paramref name="consumed"/> set;
    /// <see cref="OperationStatus.NeedMoreData"/> when every byte present says "more follows" and fewer than four
    /// are present; <see cref="OperationStatus.InvalidData"/> when a fourth byte still says "more follows".
    /// </returns>
    public static OperationStatus TryReadRemainingLength(ReadOnlySpan<byte> source, out int value, out int consumed)
    {
        value = 0;
        consumed = 0;
        int multiplier = 1;
        for (int i = 0; i < MaxRemainingLengthBytes; i++)
        {
            if (i >= source.Length)
            {
                value = 0;
                return OperationStatus.NeedMoreData;
            }

            byte b = source[i];
            value += (b & 0x7F) * multiplier;
            if ((b & 0x80) == 0)
            {
                consumed = i + 1;
                return OperationStatus.Done;
            }

            multiplier <<= 7;
        }

        value = 0;
        return OperationStatus.InvalidData; // §2.2.3: at most four bytes
    }

    /// <summary>The first fixed-header byte: type in the high nibble, flags in the low (§2.2).</summary>
    public static byte FirstByte(MqttPacketType type, int flags) => (byte)(((int)type << 4) | (flags & 0x0F));

    /// <summary>The size of a whole packet (fixed header included) whose Remaining Length is <paramref name="remainingLength"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="remainingLength"/> is out of range.</exception>
    public static int PacketSize(int remainingLength) => 1 + RemainingLengthSize(remainingLength) + remainingLength;
}
