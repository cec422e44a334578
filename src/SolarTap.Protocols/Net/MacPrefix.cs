using System.Diagnostics.CodeAnalysis;

namespace SolarTap.Protocols.Net;

/// <summary>
/// The first one to six octets of a MAC address, such as an OUI (<c>00:27:02</c>), used to select devices by vendor.
/// </summary>
public readonly record struct MacPrefix
{
    private readonly ulong _bits; // prefix octets left-aligned in the top 48 bits of a 64-bit value, rest zero

    private MacPrefix(ulong leftAlignedBits, int length)
    {
        _bits = leftAlignedBits;
        Length = length;
    }

    /// <summary>Number of octets in the prefix, 1 to 6.</summary>
    public int Length { get; }

    /// <summary>A prefix of <paramref name="length"/> octets taken from <paramref name="octets"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not 1 to 6, or longer than the span.</exception>
    public static MacPrefix Create(ReadOnlySpan<byte> octets, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MacAddress.Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, octets.Length);
        ulong bits = 0;
        for (int i = 0; i < length; i++)
        {
            bits |= (ulong)octets[i] << (56 - (8 * i));
        }

        return new MacPrefix(bits, length);
    }

    /// <summary>Whether <paramref name="address"/> starts with this prefix. The default (empty) prefix matches nothing.</summary>
    public bool Matches(MacAddress address)
    {
        if (Length == 0)
        {
            return false;
        }

        ulong mask = ulong.MaxValue << (64 - (8 * Length));
        return ((address.Value << 16) & mask) == _bits;
    }

    /// <summary>Lower-case colon form, e.g. <c>00:27:02</c>.</summary>
    public override string ToString() => MacText.Format(_bits, Length);

    /// <summary>
    /// Parses one to six hex octets separated by ':' or '-' (<c>00:27:02</c>), or an even number of hex digits without separators.
    /// </summary>
    /// <returns><see langword="false"/> with a message for a person in <paramref name="error"/> when the text is not a prefix.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out MacPrefix prefix, [NotNullWhen(false)] out string? error)
    {
        prefix = default;
        if (!MacText.TryParse(text, "MAC prefix", MacAddress.Size, out ulong bits, out int octets, out error))
        {
            return false;
        }

        prefix = new MacPrefix(bits, octets);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not a MAC prefix; the message says why.</exception>
    public static MacPrefix Parse(string text) =>
        TryParse(text, out MacPrefix prefix, out string? error) ? prefix : throw new FormatException(error);
}
