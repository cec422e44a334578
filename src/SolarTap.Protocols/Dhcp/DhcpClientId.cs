using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// Who a lease belongs to (RFC 2131 §4.2): option 61 when the client sends it, compared as opaque bytes (RFC 4361's
/// type 0xff included), else 'htype' and 'chaddr'. Text form: <c>hw:01:00:27:02:1a:08:23</c> or <c>id:ff00…</c>.
/// </summary>
public readonly struct DhcpClientId : IEquatable<DhcpClientId>
{
    private readonly byte[]? _bytes; // [0] = 0 for hardware (then htype, chaddr), 1 for option 61 (then its bytes)

    private DhcpClientId(byte[] bytes) => _bytes = bytes;

    /// <summary>Whether the identity came from option 61.</summary>
    public bool IsClientIdentifier => _bytes is [1, ..];

    /// <summary>The identity of the sender of <paramref name="message"/>.</summary>
    public static DhcpClientId Of(in DhcpMessage message)
    {
        ReadOnlySpan<byte> id = message.ClientIdentifier;
        return id.IsEmpty ? FromHardware(message.HardwareType, message.ClientHardwareAddress) : FromClientIdentifier(id);
    }

    /// <summary>An identity from 'htype' and 'chaddr'.</summary>
    public static DhcpClientId FromHardware(byte hardwareType, ReadOnlySpan<byte> hardwareAddress)
    {
        var bytes = new byte[2 + hardwareAddress.Length];
        bytes[1] = hardwareType;
        hardwareAddress.CopyTo(bytes.AsSpan(2));
        return new DhcpClientId(bytes);
    }

    /// <summary>An identity from an Ethernet MAC.</summary>
    public static DhcpClientId FromMac(MacAddress mac)
    {
        Span<byte> bytes = stackalloc byte[MacAddress.Size];
        mac.WriteTo(bytes);
        return FromHardware(1, bytes);
    }

    /// <summary>An identity from the value of option 61 (non-empty).</summary>
    public static DhcpClientId FromClientIdentifier(ReadOnlySpan<byte> optionValue)
    {
        var bytes = new byte[1 + optionValue.Length];
        bytes[0] = 1;
        optionValue.CopyTo(bytes.AsSpan(1));
        return new DhcpClientId(bytes);
    }

    /// <summary>Whether this identity was taken from <paramref name="message"/>'s sender.</summary>
    public bool Matches(in DhcpMessage message)
    {
        ReadOnlySpan<byte> bytes = _bytes;
        ReadOnlySpan<byte> id = message.ClientIdentifier;
        if (!id.IsEmpty)
        {
            return bytes.Length == 1 + id.Length && bytes[0] == 1 && bytes[1..].SequenceEqual(id);
        }

        return bytes.Length >= 2 && bytes[0] == 0 && bytes[1] == message.HardwareType && bytes[2..].SequenceEqual(message.ClientHardwareAddress);
    }

    /// <summary>Text form for logs and the lease file.</summary>
    public override string ToString()
    {
        if (_bytes is null || _bytes.Length < 2)
        {
            return "-";
        }

        return _bytes[0] == 0
            ? "hw:" + string.Join(':', _bytes.AsSpan(1).ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))
            : "id:" + Convert.ToHexStringLower(_bytes.AsSpan(1));
    }

    /// <summary>Parses <see cref="ToString"/> output.</summary>
    public static bool TryParse(string? text, out DhcpClientId id)
    {
        id = default;
        if (text is null || text.Length < 5)
        {
            return false;
        }

        string body = text[3..];
        if (text.StartsWith("id:", StringComparison.Ordinal))
        {
            if (body.Length % 2 != 0 || body.Length > 2 * byte.MaxValue || !body.All(char.IsAsciiHexDigit))
            {
                return false;
            }

            id = FromClientIdentifier(Convert.FromHexString(body));
            return true;
        }

        if (!text.StartsWith("hw:", StringComparison.Ordinal))
        {
            return false;
        }

        string[] octets = body.Split(':');
        if (octets.Length > 1 + DhcpMessage.ChaddrLength || octets.Any(o => o.Length != 2 || !o.All(char.IsAsciiHexDigit)))
        {
            return false;
        }

        byte[] bytes = octets.Select(o => Convert.FromHexString(o)[0]).ToArray();
        id = FromHardware(bytes[0], bytes.AsSpan(1));
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(DhcpClientId other) => _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DhcpClientId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(DhcpClientId left, DhcpClientId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(DhcpClientId left, DhcpClientId right) => !left.Equals(right);
}
