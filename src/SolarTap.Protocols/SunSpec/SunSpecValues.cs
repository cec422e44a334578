using System.Text;

namespace SolarTap.Protocols.SunSpec;

/// <summary>
/// SunSpec point types read from registers (docs/spec/sunspec.md §4): big-endian registers, 32-bit values high
/// register first, and each type's "not implemented" pattern, which reads as null.
/// </summary>
public static class SunSpecValues
{
    /// <summary>int16; 0x8000 is not implemented.</summary>
    public static short? ReadInt16(ReadOnlySpan<ushort> r, int at) => r[at] == 0x8000 ? null : (short)r[at];

    /// <summary>uint16 and enum16; 0xFFFF is not implemented.</summary>
    public static ushort? ReadUInt16(ReadOnlySpan<ushort> r, int at) => r[at] == 0xFFFF ? null : r[at];

    /// <summary>acc32 (a lifetime accumulator); 0 means "not accumulated".</summary>
    public static uint? ReadAcc32(ReadOnlySpan<ushort> r, int at) => Raw32(r, at) is var v && v == 0 ? null : v;

    /// <summary>uint32 and bitfield32; 0xFFFFFFFF is not implemented.</summary>
    public static uint? ReadUInt32(ReadOnlySpan<ushort> r, int at) => Raw32(r, at) is var v && v == uint.MaxValue ? null : v;

    /// <summary>float32; NaN (0x7FC00000 and every other NaN) and infinities are not implemented.</summary>
    public static float? ReadFloat32(ReadOnlySpan<ushort> r, int at) =>
        BitConverter.UInt32BitsToSingle(Raw32(r, at)) is var f && float.IsFinite(f) ? f : null;

    /// <summary>sunssf: a power-of-ten exponent in -10..10; 0x8000 (and anything outside that range) is not implemented.</summary>
    public static int? ReadScaleFactor(ReadOnlySpan<ushort> r, int at) => (short)r[at] is var sf && sf is >= -10 and <= 10 ? sf : null;

    /// <summary>A value times 10^<paramref name="scaleFactor"/>, or null when either is missing.</summary>
    public static double? Scale(double? value, int? scaleFactor) => value is { } v && scaleFactor is { } sf
        // Dividing by an exact power of ten keeps 2301 × 10^-1 at 230.1 rather than 230.10000000000002.
        ? sf >= 0 ? v * Math.Pow(10, sf) : v / Math.Pow(10, -sf)
        : null;

    /// <summary>
    /// A string point: two ASCII characters per register, high byte first, padded with NUL (or spaces). All NULs is
    /// not implemented (null). Bytes outside printable ASCII are replaced with '?'.
    /// </summary>
    public static string? ReadString(ReadOnlySpan<ushort> r, int at, int registers)
    {
        Span<byte> bytes = stackalloc byte[registers * 2];
        for (int i = 0; i < registers; i++)
        {
            bytes[2 * i] = (byte)(r[at + i] >> 8);
            bytes[(2 * i) + 1] = (byte)r[at + i];
        }

        int end = bytes.IndexOf((byte)0);
        ReadOnlySpan<byte> text = end < 0 ? bytes : bytes[..end];
        var builder = new StringBuilder(text.Length);
        foreach (byte b in text)
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        string value = builder.ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Writes <paramref name="text"/> as a string point of <paramref name="registers"/> registers, NUL-padded (for test images).</summary>
    public static void WriteString(Span<ushort> r, int at, int registers, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < registers; i++)
        {
            int c0 = 2 * i, c1 = c0 + 1;
            byte hi = c0 < text.Length ? (byte)text[c0] : (byte)0;
            byte lo = c1 < text.Length ? (byte)text[c1] : (byte)0;
            r[at + i] = (ushort)((hi << 8) | lo);
        }
    }

    /// <summary>Writes a 32-bit value high register first.</summary>
    public static void Write32(Span<ushort> r, int at, uint value)
    {
        r[at] = (ushort)(value >> 16);
        r[at + 1] = (ushort)value;
    }

    /// <summary>Writes a float32 high register first.</summary>
    public static void WriteFloat(Span<ushort> r, int at, float value) => Write32(r, at, BitConverter.SingleToUInt32Bits(value));

    private static uint Raw32(ReadOnlySpan<ushort> r, int at) => ((uint)r[at] << 16) | r[at + 1];
}
