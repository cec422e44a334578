using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace SolarTap.Protocols.SolarEdge.Keys;

/// <summary>
/// The 128-bit key K of one inverter (spec §4.2): the values of Polestar parameters 0x0239..0x023C,
/// each contributing its four value bytes in wire order. It turns each 0x0503 announcement into a session key.
/// </summary>
public sealed class InverterKey : IEquatable<InverterKey>
{
    /// <summary>Length of the key in bytes.</summary>
    public const int Length = 16;

    /// <summary>Number of hexadecimal characters in semonitor's key file (spec §4.2).</summary>
    public const int HexLength = 2 * Length;

    /// <summary>The first of the four key parameters; the others follow it (spec §2.3, §4.2).</summary>
    public const ushort FirstParameterId = 0x0239;

    /// <summary>Number of parameters holding a key part.</summary>
    public const int ParameterCount = 4;

    private readonly byte[] _bytes;

    private InverterKey(byte[] bytes) => _bytes = bytes;

    /// <summary>The key parameters 0x0239, 0x023A, 0x023B, 0x023C in key order.</summary>
    public static ReadOnlySpan<ushort> ParameterIds => [0x0239, 0x023A, 0x023B, 0x023C];

    /// <summary>The 16 key bytes in the order AES uses them.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>A key from its 16 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 16 bytes long.</exception>
    public static InverterKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An inverter key has {Length} bytes; {bytes.Length} were given.", nameof(bytes));
        }

        return new InverterKey(bytes.ToArray());
    }

    /// <summary>
    /// The key from the u32 values of parameters 0x0239..0x023C as a 0x0090 reply carries them: each value is
    /// re-serialised little-endian, i.e. its bytes in wire order (spec §4.2).
    /// </summary>
    public static InverterKey FromParameterValues(uint value0239, uint value023A, uint value023B, uint value023C)
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value0239);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), value023A);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), value023B);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), value023C);
        return new InverterKey(bytes);
    }

    /// <summary>The u32 value of key parameter <paramref name="index"/> (0 for 0x0239 .. 3 for 0x023C).</summary>
    public uint ParameterValue(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ParameterCount);
        return BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(4 * index));
    }

    /// <summary>
    /// Parses the text of a semonitor key file: 32 hexadecimal characters (the key bytes in order), normally
    /// followed by a newline. Surrounding whitespace (CRLF, spaces, tabs, a byte-order mark) and upper case are
    /// accepted; anything else is refused with <paramref name="error"/> saying what was expected and what was found.
    /// </summary>
    public static bool TryParse(string? text, out InverterKey? key, out string? error)
    {
        key = null;
        ReadOnlySpan<char> trimmed = (text ?? "").AsSpan().Trim().Trim('\uFEFF').Trim();
        const string Expected = "expected 32 hexadecimal characters (the 128-bit inverter key as in a semonitor key file)";
        if (trimmed.IsEmpty)
        {
            error = $"{Expected}, found {(text is null || text.Length == 0 ? "an empty text" : "only whitespace")}";
            return false;
        }

        for (int i = 0; i < trimmed.Length && i < HexLength; i++)
        {
            if (!char.IsAsciiHexDigit(trimmed[i]))
            {
                error = $"{Expected}, found {Describe(trimmed[i])} at character {i + 1} of the key";
                return false;
            }
        }

        if (trimmed.Length != HexLength)
        {
            error = trimmed.Length < HexLength
                ? $"{Expected}, found only {trimmed.Length}"
                : $"{Expected}, found {trimmed.Length} characters ({Describe(trimmed[HexLength])} after the 32nd)";
            return false;
        }

        var bytes = new byte[Length];
        Convert.FromHexString(trimmed, bytes, out _, out _);
        key = new InverterKey(bytes);
        error = null;
        return true;
    }

    /// <summary>The key as 32 lower-case hexadecimal characters.</summary>
    public string ToHex() => Convert.ToHexStringLower(_bytes);

    /// <summary>The text of a semonitor key file: <see cref="ToHex"/> and a newline (spec §4.2).</summary>
    public string ToKeyFileText() => ToHex() + "\n";

    /// <summary>Compares the key bytes in constant time.</summary>
    public bool Equals(InverterKey? other) => other is not null && CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InverterKey);

    /// <inheritdoc/>
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(_bytes);

    /// <summary>A description that does not reveal the key.</summary>
    public override string ToString() => "InverterKey(16 bytes)";

    private static string Describe(char c) => c switch
    {
        '\n' => "a line break",
        '\r' => "a carriage return",
        ' ' => "a space",
        '\t' => "a tab",
        _ when char.IsControl(c) || char.IsWhiteSpace(c) || c > '~' => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}"),
        _ => $"'{c}'",
    };
}
