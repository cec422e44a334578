using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace SolarTap.Protocols.Net;

/// <summary>
/// An IPv4 or IPv6 address as two numbers: compact, comparable and allocation-free, for hot paths where
/// <see cref="IPAddress"/> (a class) would cost an allocation per packet. IPv4 addresses are kept in their
/// IPv4-mapped form (<c>::ffff:a.b.c.d</c>, RFC 4291 §2.5.5.2) plus a flag, so they never equal an IPv6 address.
/// </summary>
public readonly struct InetAddress : IEquatable<InetAddress>
{
    private const ulong MappedPrefix = 0x0000_FFFF_0000_0000UL;
    private readonly ulong _high;
    private readonly ulong _low;
    private readonly bool _isIPv4;

    private InetAddress(ulong high, ulong low, bool isIPv4)
    {
        _high = high;
        _low = low;
        _isIPv4 = isIPv4;
    }

    /// <summary>Whether this is an IPv4 address (4 bytes on the wire).</summary>
    public bool IsIPv4 => _isIPv4;

    /// <summary>Bytes on the wire: 4 or 16.</summary>
    public int Length => _isIPv4 ? 4 : 16;

    /// <summary>An IPv4 address from its 32-bit value in network order (192.0.2.10 is <c>0xc000020a</c>).</summary>
    public static InetAddress FromIPv4(uint value) => new(0, MappedPrefix | value, true);

    /// <summary>Reads an IPv4 address from the first four bytes of <paramref name="source"/>.</summary>
    public static InetAddress ReadIPv4(ReadOnlySpan<byte> source) => FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(source));

    /// <summary>Reads an IPv6 address from the first sixteen bytes of <paramref name="source"/>.</summary>
    public static InetAddress ReadIPv6(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(source), BinaryPrimitives.ReadUInt64BigEndian(source[8..]), false);

    /// <summary>Writes the 4 or 16 address bytes in network order; returns <see cref="Length"/>.</summary>
    public int WriteTo(Span<byte> destination)
    {
        if (_isIPv4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)_low);
            return 4;
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
        return 16;
    }

    /// <summary>The same address as a BCL <see cref="IPAddress"/> (allocates; for display and configuration).</summary>
    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        int length = WriteTo(bytes);
        return new IPAddress(bytes[..length]);
    }

    /// <summary>The compact form of a BCL address (an IPv4-mapped IPv6 address stays IPv6).</summary>
    public static InetAddress FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int written);
        return written == 4 ? ReadIPv4(bytes) : ReadIPv6(bytes);
    }

    /// <summary>
    /// Parses a dotted-quad IPv4 address (<c>192.0.2.10</c>) or an IPv6 address (<c>2001:db8::10</c>).
    /// Shorthand IPv4 forms that <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts (<c>10.1</c>) are refused.
    /// </summary>
    /// <returns><see langword="false"/> with a message for a person in <paramref name="error"/> when the text is not an address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out InetAddress address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "An IP address is empty; expected e.g. 192.0.2.10 or 2001:db8::10.";
            return false;
        }

        string trimmed = text.Trim();
        bool looksV6 = trimmed.Contains(':', StringComparison.Ordinal);
        if (!IPAddress.TryParse(trimmed, out IPAddress? parsed)
            || (!looksV6 && (parsed.AddressFamily != AddressFamily.InterNetwork || trimmed.Count(c => c == '.') != 3
                || !trimmed.All(c => char.IsAsciiDigit(c) || c == '.'))))
        {
            error = looksV6
                ? $"'{text}' is not an IPv6 address (expected e.g. 2001:db8::10)."
                : $"'{text}' is not an IPv4 address: expected four decimal numbers 0-255 separated by dots, e.g. 192.0.2.10.";
            return false;
        }

        address = FromIPAddress(parsed);
        error = null;
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not an address; the message says why.</exception>
    public static InetAddress Parse(string text) =>
        TryParse(text, out InetAddress address, out string? error) ? address : throw new FormatException(error);

    /// <inheritdoc/>
    public bool Equals(InetAddress other) => _low == other._low && _high == other._high && _isIPv4 == other._isIPv4;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is InetAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>Usual text form: <c>192.0.2.10</c> or <c>2001:db8::10</c>.</summary>
    public override string ToString() => ToIPAddress().ToString();

    /// <summary>Equality.</summary>
    public static bool operator ==(InetAddress left, InetAddress right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(InetAddress left, InetAddress right) => !left.Equals(right);
}
