using System.Buffers.Binary;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Protocols.Net;

/// <summary>
/// Finds the TCP segment in a captured frame: link layer (Ethernet II with stacked 802.1Q/802.1ad tags, Linux cooked
/// capture v1/v2, raw IP, BSD loopback), then IPv4 or IPv6 (with extension headers), then TCP. Allocation-free and
/// never throws on bad input. Payload lengths come from the IP length fields, so Ethernet padding is ignored
/// (spec §5.4 rule 2).
/// </summary>
public static partial class PacketDissector
{
    private const int MaxVlanTags = 8;

    /// <summary>Dissects one frame captured on a link of type <paramref name="linkType"/>.</summary>
    /// <returns><see cref="DissectStatus.Tcp"/> when <paramref name="packet"/> is set; otherwise why not.</returns>
    public static DissectStatus TryDissectTcp(ReadOnlySpan<byte> frame, LinkType linkType, out TcpPacket packet)
    {
        packet = default;
        var link = default(LinkInfo);
        int offset;
        ushort etherType;
        switch (linkType)
        {
            case LinkType.Ethernet:
                // IEEE 802.3 clause 3.1.1 / Ethernet II:
                //  0        6        12     14
                //  +--------+--------+------+---------
                //  |  dst   |  src   | type | payload ...
                if (frame.Length < 14)
                {
                    return DissectStatus.Truncated;
                }

                link.HasMacs = true;
                link.Destination = MacAddress.Read(frame);
                link.Source = MacAddress.Read(frame[6..]);
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
                offset = 14;
                break;

            case LinkType.LinuxSll:
                // LINKTYPE_LINUX_SLL: packet type(2) ARPHRD(2) address length(2) address(8) protocol(2)
                if (frame.Length < 16)
                {
                    return DissectStatus.Truncated;
                }

                SetCookedSource(ref link, frame[6..14], BinaryPrimitives.ReadUInt16BigEndian(frame[4..]));
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[14..]);
                offset = 16;
                break;

            case LinkType.LinuxSll2:
                // LINKTYPE_LINUX_SLL2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1) address length(1) address(8)
                if (frame.Length < 20)
                {
                    return DissectStatus.Truncated;
                }

                SetCookedSource(ref link, frame[12..20], frame[11]);
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame);
                offset = 20;
                break;

            case LinkType.Raw:
                return frame.IsEmpty ? DissectStatus.Truncated : DissectIp(frame, 0, (frame[0] >> 4) switch
                {
                    4 => EtherTypes.IPv4,
                    6 => EtherTypes.IPv6,
                    _ => (ushort)0,
                }, link, out packet);

            case LinkType.IPv4:
                return DissectIp(frame, 0, EtherTypes.IPv4, link, out packet);

            case LinkType.IPv6:
                return DissectIp(frame, 0, EtherTypes.IPv6, link, out packet);

            case LinkType.Null:
            case LinkType.Loop:
                // 4-byte address family: host byte order for NULL (either), network order for LOOP.
                if (frame.Length < 4)
                {
                    return DissectStatus.Truncated;
                }

                uint family = BinaryPrimitives.ReadUInt32BigEndian(frame);
                if (linkType == LinkType.Null && (family & 0xFFFF) == 0)
                {
                    family = BinaryPrimitives.ReverseEndianness(family);
                }

                etherType = family switch
                {
                    2 => EtherTypes.IPv4,
                    10 or 24 or 28 or 30 => EtherTypes.IPv6, // AF_INET6 on Linux, NetBSD/OpenBSD, FreeBSD, macOS
                    _ => 0,
                };
                return DissectIp(frame, 4, etherType, link, out packet);

            default:
                return DissectStatus.UnsupportedLinkType;
        }

        // IEEE 802.1Q tags (0x8100) and 802.1ad service tags (0x88a8, and the pre-standard 0x9100), stacked:
        //  +------+-----+------+
        //  | TPID | TCI | type |   TCI = PCP(3) DEI(1) VID(12)
        while (etherType is EtherTypes.Vlan or EtherTypes.ServiceVlan or EtherTypes.LegacyServiceVlan)
        {
            if (frame.Length < offset + 4)
            {
                return DissectStatus.Truncated;
            }

            if (link.VlanTags == 0)
            {
                link.VlanId = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]) & 0x0FFF);
            }

            if (++link.VlanTags > MaxVlanTags)
            {
                return DissectStatus.Malformed;
            }

            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
            offset += 4;
        }

        return DissectIp(frame, offset, etherType, link, out packet);
    }

    private static void SetCookedSource(ref LinkInfo link, ReadOnlySpan<byte> address, int addressLength)
    {
        if (addressLength == MacAddress.Size)
        {
            link.HasMacs = true;
            link.Source = MacAddress.Read(address);
        }
    }

    private static DissectStatus DissectIp(ReadOnlySpan<byte> frame, int offset, ushort etherType, in LinkInfo link, out TcpPacket packet)
    {
        packet = default;
        return etherType switch
        {
            EtherTypes.IPv4 => DissectIPv4(frame, offset, link, out packet),
            EtherTypes.IPv6 => DissectIPv6(frame, offset, link, out packet),
            _ => DissectStatus.NotTcp,
        };
    }

    /// <summary>What the link layer told us, passed on to the IP and TCP layers.</summary>
    private struct LinkInfo
    {
        public bool HasMacs;
        public MacAddress Source;
        public MacAddress Destination;
        public int VlanTags;
        public ushort VlanId;
    }
}
