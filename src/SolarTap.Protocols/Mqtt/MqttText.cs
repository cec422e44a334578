using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// UTF-8 encoded strings (MQTT 3.1.1 §1.5.3): a two-byte big-endian length, then at most 65,535 bytes of
/// well-formed UTF-8 that never encodes U+0000 or a surrogate (U+D800-U+DFFF) [MQTT-1.5.3-1, MQTT-1.5.3-2].
/// <code>
///  byte 1   length MSB
///  byte 2   length LSB
///  byte 3…  UTF-8 encoded character data
/// </code>
/// A BOM (0xEF 0xBB 0xBF) is kept as U+FEFF, never stripped [MQTT-1.5.3-3].
/// </summary>
public static class MqttText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether <paramref name="utf8"/> is a valid MQTT string body (§1.5.3). Never throws.</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8) =>
        utf8.Length <= MqttWire.MaxStringLength && !utf8.Contains((byte)0) && Utf8.IsValid(utf8);

    /// <summary>Whether <paramref name="text"/> can be sent as an MQTT string: no U+0000, no lone surrogate, ≤ 65,535 bytes.</summary>
    public static bool IsValid(string? text)
    {
        if (text is null || text.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return Strict.GetByteCount(text) <= MqttWire.MaxStringLength;
        }
        catch (EncoderFallbackException)
        {
            return false; // a lone surrogate has no UTF-8 encoding
        }
    }

    /// <summary>The encoded byte count of <paramref name="text"/> without the length prefix.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not a valid MQTT string.</exception>
    public static int ByteCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsValid(text))
        {
            throw new ArgumentException("Not a valid MQTT string (§1.5.3): U+0000, a lone surrogate, or more than 65,535 bytes.", nameof(text));
        }

        return Encoding.UTF8.GetByteCount(text);
    }

    /// <summary>Writes the length prefix and the UTF-8 bytes of <paramref name="text"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is invalid or <paramref name="destination"/> too short.</exception>
    public static int Write(Span<byte> destination, string text)
    {
        int count = ByteCount(text);
        if (destination.Length < 2 + count)
        {
            throw new ArgumentException("The destination is too short for the string.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)count);
        Encoding.UTF8.GetBytes(text, destination[2..]);
        return 2 + count;
    }

    /// <summary>Writes a binary field (two-byte length, then the bytes), as for the will message and password (§3.1.3.3, §3.1.3.5).</summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> is longer than 65,535 bytes or <paramref name="destination"/> too short.</exception>
    public static int WriteBinary(Span<byte> destination, ReadOnlySpan<byte> data)
    {
        if (data.Length > MqttWire.MaxStringLength)
        {
            throw new ArgumentException("A binary field holds at most 65,535 bytes.", nameof(data));
        }

        if (destination.Length < 2 + data.Length)
        {
            throw new ArgumentException("The destination is too short for the field.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)data.Length);
        data.CopyTo(destination[2..]);
        return 2 + data.Length;
    }
}
