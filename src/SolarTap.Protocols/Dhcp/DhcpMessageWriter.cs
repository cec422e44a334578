using System.Buffers.Binary;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// Writes a DHCP message into a caller-owned span (ARCHITECTURE §4.3): the fixed header and magic cookie first
/// (layout on <see cref="DhcpMessage"/>), then options, then <see cref="Finish"/>. Methods return
/// <see langword="false"/> instead of throwing when the value is invalid or there is no room; room for End is
/// always kept.
/// </summary>
public ref struct DhcpMessageWriter
{
    /// <summary>Minimum BOOTP message length (RFC 1542 §2.1); some clients drop shorter replies.</summary>
    public const int MinimumBootpLength = 300;

    private readonly Span<byte> _destination;
    private readonly int _limit;
    private int _length;

    /// <summary>A writer that never writes more than <paramref name="maxLength"/> bytes (default: the whole span).</summary>
    public DhcpMessageWriter(Span<byte> destination, int maxLength = int.MaxValue)
    {
        _destination = destination;
        _limit = Math.Min(destination.Length, Math.Max(0, maxLength));
        _length = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _length;

    /// <summary>
    /// Writes the 236-byte header and the cookie. 'sname' and 'file' are zeroed; 'chaddr' is
    /// <paramref name="clientHardwareAddress"/> (at most 16 bytes, its length is 'hlen') padded with zeros.
    /// </summary>
    public bool TryWriteHeader(in DhcpHeader header, scoped ReadOnlySpan<byte> clientHardwareAddress)
    {
        if (_limit < DhcpMessage.FixedLength + 1 || clientHardwareAddress.Length > DhcpMessage.ChaddrLength)
        {
            return false;
        }

        Span<byte> d = _destination;
        d[..DhcpMessage.FixedLength].Clear();
        d[0] = header.Op;
        d[1] = header.HardwareType;
        d[2] = (byte)clientHardwareAddress.Length;
        d[3] = header.Hops;
        BinaryPrimitives.WriteUInt32BigEndian(d[4..], header.TransactionId);
        BinaryPrimitives.WriteUInt16BigEndian(d[8..], header.Seconds);
        BinaryPrimitives.WriteUInt16BigEndian(d[10..], header.Flags);
        BinaryPrimitives.WriteUInt32BigEndian(d[DhcpMessage.CiaddrOffset..], Ipv4.ToUInt32(header.ClientAddress));
        BinaryPrimitives.WriteUInt32BigEndian(d[DhcpMessage.YiaddrOffset..], Ipv4.ToUInt32(header.YourAddress));
        BinaryPrimitives.WriteUInt32BigEndian(d[DhcpMessage.SiaddrOffset..], Ipv4.ToUInt32(header.NextServerAddress));
        BinaryPrimitives.WriteUInt32BigEndian(d[DhcpMessage.GiaddrOffset..], Ipv4.ToUInt32(header.GatewayAddress));
        clientHardwareAddress.CopyTo(d[DhcpMessage.ChaddrOffset..]);
        BinaryPrimitives.WriteUInt32BigEndian(d[DhcpMessage.CookieOffset..], DhcpMessage.MagicCookie);
        _length = DhcpMessage.FixedLength;
        return true;
    }

    /// <summary>Room left for option bytes, keeping one byte for End.</summary>
    public readonly int Remaining => Math.Max(0, _limit - _length - 1);

    /// <summary>Writes option <paramref name="code"/> with up to 255 value bytes.</summary>
    public bool TryWriteOption(byte code, scoped ReadOnlySpan<byte> value)
    {
        if (_length < DhcpMessage.FixedLength || code is DhcpOptionCodes.Pad or DhcpOptionCodes.End
            || value.Length > byte.MaxValue || 2 + value.Length > Remaining)
        {
            return false;
        }

        _destination[_length] = code;
        _destination[_length + 1] = (byte)value.Length;
        value.CopyTo(_destination[(_length + 2)..]);
        _length += 2 + value.Length;
        return true;
    }

    /// <summary>Writes a one-byte option such as 53.</summary>
    public bool TryWriteByte(byte code, byte value) => TryWriteOption(code, [value]);

    /// <summary>Writes a two-byte option such as 57.</summary>
    public bool TryWriteUInt16(byte code, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return TryWriteOption(code, bytes);
    }

    /// <summary>Writes a four-byte number option such as 51, 58, 59.</summary>
    public bool TryWriteUInt32(byte code, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return TryWriteOption(code, bytes);
    }

    /// <summary>Writes a one-address option such as 1, 50, 54.</summary>
    public bool TryWriteAddress(byte code, InetAddress address) =>
        address.IsIPv4 && TryWriteUInt32(code, Ipv4.ToUInt32(address));

    /// <summary>Writes an address-list option such as 3 or 6 (up to 63 addresses).</summary>
    public bool TryWriteAddresses(byte code, scoped ReadOnlySpan<InetAddress> addresses)
    {
        if (addresses.IsEmpty || addresses.Length > byte.MaxValue / 4)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4 * addresses.Length];
        for (int i = 0; i < addresses.Length; i++)
        {
            if (!addresses[i].IsIPv4)
            {
                return false;
            }

            BinaryPrimitives.WriteUInt32BigEndian(bytes[(4 * i)..], Ipv4.ToUInt32(addresses[i]));
        }

        return TryWriteOption(code, bytes);
    }

    /// <summary>
    /// Writes End and zero padding up to <paramref name="minimumLength"/> (capped by the limit); returns the message
    /// length, or 0 when no header was written.
    /// </summary>
    public int Finish(int minimumLength = MinimumBootpLength)
    {
        if (_length < DhcpMessage.FixedLength)
        {
            return 0;
        }

        _destination[_length++] = DhcpOptionCodes.End;
        int padded = Math.Min(_limit, Math.Max(_length, minimumLength));
        _destination[_length..padded].Clear();
        _length = padded;
        return _length;
    }
}
