using System.Diagnostics.CodeAnalysis;

namespace SolarTap.Protocols.Dns;

/// <summary>
/// A domain name, kept in uncompressed wire form (RFC 1035 §3.1). Comparison and hashing ignore ASCII case
/// (RFC 4343 §3); the bytes keep the case they were read or parsed with, so an answer can repeat the query's case.
/// <c>default</c> is the root.
/// </summary>
public readonly struct DnsName : IEquatable<DnsName>
{
    private static readonly byte[] RootWire = [0];
    private readonly byte[]? _wire;

    private DnsName(byte[] wire) => _wire = wire;

    /// <summary>The root name, ".".</summary>
    public static DnsName Root => default;

    /// <summary>The uncompressed wire form, root label included.</summary>
    public ReadOnlySpan<byte> Wire => _wire ?? RootWire;

    /// <summary>Octets on the wire uncompressed (1 for the root, at most 255).</summary>
    public int WireLength => Wire.Length;

    /// <summary>Labels before the root.</summary>
    public int LabelCount => DnsNameWire.LabelCount(Wire);

    /// <summary>Whether this is the root.</summary>
    public bool IsRoot => Wire.Length == 1;

    /// <summary>A name from its uncompressed wire form.</summary>
    /// <returns><see langword="false"/> when the bytes are not exactly one valid name.</returns>
    public static bool TryFromWire(ReadOnlySpan<byte> wire, out DnsName name)
    {
        name = default;
        if (!DnsNameWire.IsValid(wire))
        {
            return false;
        }

        name = wire.Length == 1 ? default : new DnsName(wire.ToArray());
        return true;
    }

    /// <summary>Parses <c>prod.solaredge.com</c> (final dot optional; <c>\.</c> and <c>\DDD</c> escapes; ASCII only).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DnsName name)
    {
        name = default;
        if (text is null)
        {
            return false;
        }

        Span<byte> wire = stackalloc byte[DnsNameWire.MaxLength];
        if (!DnsNameWire.TryParse(text.AsSpan().Trim(), wire, out int length))
        {
            return false;
        }

        name = length == 1 ? default : new DnsName(wire[..length].ToArray());
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not a domain name (empty label, label over 63 or name over 255 octets, non-ASCII).</exception>
    public static DnsName Parse(string text) =>
        TryParse(text, out DnsName name) ? name : throw new FormatException($"'{text}' is not a domain name.");

    /// <summary>Whether this name is <paramref name="zone"/> or below it, ignoring case.</summary>
    public bool IsAtOrBelow(DnsName zone) => DnsNameWire.FindSuffix(Wire, zone.Wire) >= 0;

    /// <summary>The same name in lower case (for logs and keys).</summary>
    public string ToLowerText() => DnsNameWire.ToText(Wire, lowerCase: true);

    /// <summary>Presentation form without the final dot (the root is "."), with the original case.</summary>
    public override string ToString() => DnsNameWire.ToText(Wire);

    /// <inheritdoc/>
    public bool Equals(DnsName other) => DnsNameWire.EqualsIgnoreCase(Wire, other.Wire);

    /// <summary>Equality including case (byte for byte).</summary>
    public bool EqualsExactly(DnsName other) => Wire.SequenceEqual(other.Wire);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DnsName other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => DnsNameWire.Hash(Wire).GetHashCode();

    /// <summary>Case-insensitive equality.</summary>
    public static bool operator ==(DnsName left, DnsName right) => left.Equals(right);

    /// <summary>Case-insensitive inequality.</summary>
    public static bool operator !=(DnsName left, DnsName right) => !left.Equals(right);
}
