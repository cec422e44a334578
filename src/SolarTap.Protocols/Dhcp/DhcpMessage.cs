using System.Buffers.Binary;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// A DHCP message read in place from a datagram (RFC 2131 §2, RFC 2132). Nothing is copied: the header fields and
/// options are read from the span on demand, so the span must outlive the message.
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +---------------+---------------+---------------+---------------+
/// |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |   0
/// +---------------+---------------+---------------+---------------+
/// |                            xid (4)                            |   4
/// +-------------------------------+-------------------------------+
/// |           secs (2)            |           flags (2)           |   8   flags bit 15 = BROADCAST
/// +-------------------------------+-------------------------------+
/// |                          ciaddr  (4)                          |  12
/// |                          yiaddr  (4)                          |  16
/// |                          siaddr  (4)                          |  20
/// |                          giaddr  (4)                          |  24
/// +---------------------------------------------------------------+
/// |                          chaddr  (16)                         |  28
/// |                          sname   (64)                         |  44   options if option 52 has bit 2
/// |                          file    (128)                        | 108   options if option 52 has bit 1
/// +---------------------------------------------------------------+
/// |              magic cookie 99.130.83.99 (4)                    | 236
/// |              options (variable): code, length, value ...      | 240
/// +---------------------------------------------------------------+
/// </code>
/// </remarks>
public readonly ref struct DhcpMessage
{
    /// <summary>Bytes before the options: the BOOTP header (236) and the magic cookie (4).</summary>
    public const int FixedLength = 240;

    /// <summary>The magic cookie 99.130.83.99 as a number (RFC 2131 §3).</summary>
    public const uint MagicCookie = 0x63825363;

    /// <summary>'op' of a message from a client.</summary>
    public const byte BootRequest = 1;

    /// <summary>'op' of a message from a server.</summary>
    public const byte BootReply = 2;

    /// <summary>The BROADCAST bit of 'flags' (RFC 2131 §2, figure 2).</summary>
    public const ushort BroadcastFlag = 0x8000;

    internal const int CiaddrOffset = 12;
    internal const int YiaddrOffset = 16;
    internal const int SiaddrOffset = 20;
    internal const int GiaddrOffset = 24;
    internal const int ChaddrOffset = 28;
    internal const int ChaddrLength = 16;
    internal const int SnameOffset = 44;
    internal const int SnameLength = 64;
    internal const int FileOffset = 108;
    internal const int FileLength = 128;
    internal const int CookieOffset = 236;

    private readonly ReadOnlySpan<byte> _packet;
    private readonly byte _overload;

    private DhcpMessage(ReadOnlySpan<byte> packet, byte overload)
    {
        _packet = packet;
        _overload = overload;
    }

    /// <summary>
    /// Checks <paramref name="packet"/> (a UDP payload) and, when it is a DHCP message, returns a view of it.
    /// Never throws and never reads outside the span. A missing End option is tolerated; option overload (52) is
    /// honoured: options continue in 'file' and then 'sname' (RFC 2131 §4.1).
    /// </summary>
    public static DhcpReadStatus TryRead(ReadOnlySpan<byte> packet, out DhcpMessage message)
    {
        message = default;
        if (packet.Length < FixedLength)
        {
            return DhcpReadStatus.TooShort;
        }

        if (packet[0] is not (BootRequest or BootReply))
        {
            return DhcpReadStatus.InvalidOp;
        }

        if (packet[2] > ChaddrLength)
        {
            return DhcpReadStatus.InvalidHardwareLength;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(packet[CookieOffset..]) != MagicCookie)
        {
            return DhcpReadStatus.NoMagicCookie;
        }

        if (!DhcpOptionEnumerator.IsWellFormed(packet[FixedLength..]))
        {
            return DhcpReadStatus.TruncatedOption;
        }

        byte overload = 0;
        if (DhcpOptionEnumerator.TryFind(packet[FixedLength..], DhcpOptionCodes.Overload, out ReadOnlySpan<byte> value))
        {
            if (value.Length != 1 || value[0] is < 1 or > 3)
            {
                return DhcpReadStatus.InvalidOverload;
            }

            overload = value[0];
            if (((overload & 1) != 0 && !DhcpOptionEnumerator.IsWellFormed(packet.Slice(FileOffset, FileLength)))
                || ((overload & 2) != 0 && !DhcpOptionEnumerator.IsWellFormed(packet.Slice(SnameOffset, SnameLength))))
            {
                return DhcpReadStatus.TruncatedOption;
            }
        }

        message = new DhcpMessage(packet, overload);
        return DhcpReadStatus.Ok;
    }

    /// <summary>The whole datagram this message was read from.</summary>
    public ReadOnlySpan<byte> Packet => _packet;

    /// <summary>'op': <see cref="BootRequest"/> or <see cref="BootReply"/>.</summary>
    public byte Op => _packet[0];

    /// <summary>'htype': hardware address type, 1 for Ethernet.</summary>
    public byte HardwareType => _packet[1];

    /// <summary>'hlen': hardware address length, 6 for Ethernet.</summary>
    public byte HardwareLength => _packet[2];

    /// <summary>'hops': relay agents passed.</summary>
    public byte Hops => _packet[3];

    /// <summary>'xid': transaction ID chosen by the client.</summary>
    public uint TransactionId => BinaryPrimitives.ReadUInt32BigEndian(_packet[4..]);

    /// <summary>'secs': seconds since the client began acquisition or renewal.</summary>
    public ushort Seconds => BinaryPrimitives.ReadUInt16BigEndian(_packet[8..]);

    /// <summary>'flags'; only <see cref="BroadcastFlag"/> is defined.</summary>
    public ushort Flags => BinaryPrimitives.ReadUInt16BigEndian(_packet[10..]);

    /// <summary>Whether the client asked for broadcast replies (RFC 2131 §4.1).</summary>
    public bool IsBroadcast => (Flags & BroadcastFlag) != 0;

    /// <summary>'ciaddr': the client's address when it has one (BOUND, RENEW, REBIND, INFORM).</summary>
    public InetAddress ClientAddress => InetAddress.FromIPv4(Ciaddr);

    /// <summary>'yiaddr': the address the server gives.</summary>
    public InetAddress YourAddress => InetAddress.FromIPv4(Yiaddr);

    /// <summary>'siaddr': next server in bootstrap.</summary>
    public InetAddress NextServerAddress => InetAddress.FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(_packet[SiaddrOffset..]));

    /// <summary>'giaddr': relay agent address, zero when not relayed.</summary>
    public InetAddress GatewayAddress => InetAddress.FromIPv4(Giaddr);

    /// <summary>'chaddr' cut to 'hlen' bytes.</summary>
    public ReadOnlySpan<byte> ClientHardwareAddress => _packet.Slice(ChaddrOffset, HardwareLength);

    /// <summary>Whether the hardware address is a 6-byte Ethernet MAC (htype 1, hlen 6).</summary>
    public bool IsEthernet => HardwareType == 1 && HardwareLength == MacAddress.Size;

    /// <summary>The first six bytes of 'chaddr' as a MAC (meaningful when <see cref="IsEthernet"/>).</summary>
    public MacAddress ClientMac => MacAddress.Read(_packet[ChaddrOffset..]);

    /// <summary>'sname' up to its first zero byte; empty when the field holds options (overload).</summary>
    public ReadOnlySpan<byte> ServerName => (_overload & 2) != 0 ? default : UpToZero(_packet.Slice(SnameOffset, SnameLength));

    /// <summary>'file' up to its first zero byte; empty when the field holds options (overload).</summary>
    public ReadOnlySpan<byte> BootFileName => (_overload & 1) != 0 ? default : UpToZero(_packet.Slice(FileOffset, FileLength));

    /// <summary>Value of option 52, 0 when absent.</summary>
    public byte Overload => _overload;

    internal uint Ciaddr => BinaryPrimitives.ReadUInt32BigEndian(_packet[CiaddrOffset..]);

    internal uint Yiaddr => BinaryPrimitives.ReadUInt32BigEndian(_packet[YiaddrOffset..]);

    internal uint Giaddr => BinaryPrimitives.ReadUInt32BigEndian(_packet[GiaddrOffset..]);

    /// <summary>
    /// Every option in wire order: the options field, then 'file' and 'sname' when overloaded (RFC 2131 §4.1).
    /// Pad and End are skipped.
    /// </summary>
    public DhcpOptionEnumerator Options => new(_packet, _overload);

    /// <summary>
    /// The value of the first option <paramref name="code"/>. Options split over several instances (RFC 3396) are not
    /// joined: only the first instance is returned.
    /// </summary>
    public bool TryGetOption(byte code, out ReadOnlySpan<byte> value)
    {
        foreach (DhcpOption option in Options)
        {
            if (option.Code == code)
            {
                value = option.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Option 53; <see cref="DhcpMessageType.None"/> when absent or not one byte.</summary>
    public DhcpMessageType MessageType =>
        TryGetOption(DhcpOptionCodes.MessageType, out ReadOnlySpan<byte> value) && value.Length == 1 ? (DhcpMessageType)value[0] : DhcpMessageType.None;

    /// <summary>An option holding exactly one IPv4 address (50, 54, 1).</summary>
    public bool TryGetAddress(byte code, out InetAddress address)
    {
        bool found = TryGetUInt32(code, out uint value);
        address = found ? InetAddress.FromIPv4(value) : default;
        return found;
    }

    /// <summary>An option holding exactly one 32-bit number (51, 58, 59) or address.</summary>
    public bool TryGetUInt32(byte code, out uint value)
    {
        if (TryGetOption(code, out ReadOnlySpan<byte> bytes) && bytes.Length == 4)
        {
            value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Option 50, requested IP address.</summary>
    public bool TryGetRequestedAddress(out InetAddress address) => TryGetAddress(DhcpOptionCodes.RequestedAddress, out address);

    /// <summary>Option 54, server identifier.</summary>
    public bool TryGetServerIdentifier(out InetAddress address) => TryGetAddress(DhcpOptionCodes.ServerIdentifier, out address);

    /// <summary>Option 51, lease time in seconds.</summary>
    public bool TryGetLeaseTime(out uint seconds) => TryGetUInt32(DhcpOptionCodes.LeaseTime, out seconds);

    /// <summary>Option 58, renewal (T1) time in seconds.</summary>
    public bool TryGetRenewalTime(out uint seconds) => TryGetUInt32(DhcpOptionCodes.RenewalTime, out seconds);

    /// <summary>Option 59, rebinding (T2) time in seconds.</summary>
    public bool TryGetRebindingTime(out uint seconds) => TryGetUInt32(DhcpOptionCodes.RebindingTime, out seconds);

    /// <summary>Option 1, subnet mask.</summary>
    public bool TryGetSubnetMask(out InetAddress mask) => TryGetAddress(DhcpOptionCodes.SubnetMask, out mask);

    /// <summary>Option 57, maximum DHCP message size the client accepts.</summary>
    public bool TryGetMaxMessageSize(out ushort size)
    {
        if (TryGetOption(DhcpOptionCodes.MaxMessageSize, out ReadOnlySpan<byte> bytes) && bytes.Length == 2)
        {
            size = BinaryPrimitives.ReadUInt16BigEndian(bytes);
            return true;
        }

        size = 0;
        return false;
    }

    /// <summary>Option 55, parameter request list (one code per byte, in the client's order); empty when absent.</summary>
    public ReadOnlySpan<byte> ParameterRequestList => OptionOrEmpty(DhcpOptionCodes.ParameterRequestList);

    /// <summary>Option 61, client identifier, opaque (type byte included); empty when absent.</summary>
    public ReadOnlySpan<byte> ClientIdentifier => OptionOrEmpty(DhcpOptionCodes.ClientIdentifier);

    /// <summary>Option 12, host name bytes; empty when absent.</summary>
    public ReadOnlySpan<byte> HostName => OptionOrEmpty(DhcpOptionCodes.HostName);

    /// <summary>Option 15, domain name bytes; empty when absent.</summary>
    public ReadOnlySpan<byte> DomainName => OptionOrEmpty(DhcpOptionCodes.DomainName);

    /// <summary>Option 3, routers: 4 bytes per address; empty when absent.</summary>
    public ReadOnlySpan<byte> Routers => OptionOrEmpty(DhcpOptionCodes.Router);

    /// <summary>Option 6, DNS servers: 4 bytes per address; empty when absent.</summary>
    public ReadOnlySpan<byte> DomainNameServers => OptionOrEmpty(DhcpOptionCodes.DomainNameServer);

    private ReadOnlySpan<byte> OptionOrEmpty(byte code) => TryGetOption(code, out ReadOnlySpan<byte> value) ? value : default;

    private static ReadOnlySpan<byte> UpToZero(ReadOnlySpan<byte> field)
    {
        int zero = field.IndexOf((byte)0);
        return zero < 0 ? field : field[..zero];
    }
}
