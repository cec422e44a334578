using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace SolarTap.Protocols.Net;

/// <summary>
/// A 48-bit IEEE 802 MAC address held in the low 48 bits of <see cref="Value"/>, first octet most significant
/// (so <c>00:27:02:1a:08:23</c> is <c>0x0027021a0823</c>).
/// </summary>
/// <param name="Value">The address bits; bits above 48 are ignored by every member.</param>
public readonly record struct MacAddress(ulong Value)
{
    /// <summary>Octets in a MAC address.</summary>
    public const int Size = 6;

    /// <summary>Reads an address from the first six bytes of <paramref name="source"/> (wire order).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is shorter than six bytes.</exception>
    public static MacAddress Read(ReadOnlySpan<byte> source) =>
        new(((ulong)BinaryPrimitives.ReadUInt32BigEndian(source) << 16) | BinaryPrimitives.ReadUInt16BigEndian(source[4..]));

    /// <summary>Writes the six octets in wire order.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)(Value >> 16));
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)Value);
    }

    /// <summary>Lower-case colon form, e.g. <c>00:27:02:1a:08:23</c>.</summary>
    public override string ToString() => MacText.Format(Value << 16, Size);

    /// <summary>
    /// Parses six hex octets separated by ':' or '-' (<c>00:27:02:1a:08:23</c>), or twelve hex digits without separators.
    /// </summary>
    /// <returns><see langword="false"/> with a message for a person in <paramref name="error"/> when the text is not an address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out MacAddress address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (!MacText.TryParse(text, "MAC address", Size, out ulong bits, out int octets, out error))
        {
            return false;
        }

        if (octets != Size)
        {
            error = $"'{text}' is not a MAC address: it has {octets} octets, a MAC address has 6 (e.g. 00:27:02:1a:08:23).";
            return false;
        }

        address = new MacAddress(bits >> 16);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not a MAC address; the message says why.</exception>
    public static MacAddress Parse(string text) =>
        TryParse(text, out MacAddress address, out string? error) ? address : throw new FormatException(error);
}
