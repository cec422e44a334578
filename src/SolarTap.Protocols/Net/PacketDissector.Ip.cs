using System.Buffers.Binary;

namespace SolarTap.Protocols.Net;

/// <summary>IP and TCP layers of <see cref="PacketDissector"/>.</summary>
public static partial class PacketDissector
{
    private const byte ProtocolTcp = 6;
    private const int MaxIPv6ExtensionHeaders = 16;

    // RFC 791 §3.1:
    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |Version|  IHL  |Type of Service|          Total Length         |
    // |         Identification        |Flags|      Fragment Offset    |
    // |  Time to Live |    Protocol   |         Header Checksum       |
    // |                       Source Address                          |
    // |                    Destination Address                        |
    // |                    Options (IHL > 5)                          |
    private static DissectStatus DissectIPv4(ReadOnlySpan<byte> frame, int offset, in LinkInfo link, out TcpPacket packet)
    {
        packet = default;
        ReadOnlySpan<byte> ip = frame[offset..];
        if (ip.Length < 20)
        {
            return DissectStatus.Truncated;
        }

        int headerLength = (ip[0] & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (ip[0] >> 4 != 4 || headerLength < 20 || totalLength < headerLength)
        {
            return DissectStatus.Malformed;
        }

        if (ip.Length < totalLength)
        {
            return DissectStatus.Truncated; // bytes beyond totalLength are link padding and ignored
        }

        if (ip[9] != ProtocolTcp)
        {
            return DissectStatus.NotTcp;
        }

        if ((BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x1FFF) != 0)
        {
            return DissectStatus.Fragment; // RFC 791: a non-zero fragment offset has no TCP header
        }

        return DissectTcp(
            frame, offset + headerLength, totalLength - headerLength,
            InetAddress.ReadIPv4(ip[12..]), InetAddress.ReadIPv4(ip[16..]), link, out packet);
    }

    // RFC 8200 §3:
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |Version| Traffic Class |           Flow Label                  |
    // |         Payload Length        |  Next Header  |   Hop Limit   |
    // |                 Source Address (16 bytes)                     |
    // |              Destination Address (16 bytes)                   |
    // followed by extension headers (RFC 8200 §4) chained by Next Header.
    private static DissectStatus DissectIPv6(ReadOnlySpan<byte> frame, int offset, in LinkInfo link, out TcpPacket packet)
    {
        packet = default;
        ReadOnlySpan<byte> ip = frame[offset..];
        if (ip.Length < 40)
        {
            return DissectStatus.Truncated;
        }

        if (ip[0] >> 4 != 6)
        {
            return DissectStatus.Malformed;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        byte next = ip[6];
        if (payloadLength == 0)
        {
            return next == 59 ? DissectStatus.NotTcp : DissectStatus.Malformed; // jumbograms (RFC 2675) are not supported
        }

        if (ip.Length < 40 + payloadLength)
        {
            return DissectStatus.Truncated;
        }

        int at = 40;
        int end = 40 + payloadLength;
        for (int headers = 0; next != ProtocolTcp; headers++)
        {
            if (headers == MaxIPv6ExtensionHeaders || end - at < 8)
            {
                return headers == MaxIPv6ExtensionHeaders ? DissectStatus.Malformed : IsExtension(next) ? DissectStatus.Truncated : DissectStatus.NotTcp;
            }

            int length;
            switch (next)
            {
                case 0 or 43 or 60 or 135 or 139 or 140: // Hop-by-Hop, Routing, Destination Options, Mobility, HIP, Shim6
                    length = (ip[at + 1] + 1) * 8;
                    break;
                case 44: // Fragment (RFC 8200 §4.5): next(1) reserved(1) offset(13 bits) res(2) M(1) identification(4)
                    if ((BinaryPrimitives.ReadUInt16BigEndian(ip[(at + 2)..]) & 0xFFF8) != 0)
                    {
                        return DissectStatus.Fragment;
                    }

                    length = 8;
                    break;
                case 51: // Authentication Header (RFC 4302 §2.2): length in 4-byte units minus 2
                    length = (ip[at + 1] + 2) * 4;
                    break;
                default: // ESP, No Next Header, UDP, ICMPv6, ...
                    return DissectStatus.NotTcp;
            }

            if (end - at < length)
            {
                return DissectStatus.Truncated;
            }

            next = ip[at];
            at += length;
        }

        return DissectTcp(
            frame, offset + at, end - at, InetAddress.ReadIPv6(ip[8..]), InetAddress.ReadIPv6(ip[24..]), link, out packet);
    }

    private static bool IsExtension(byte next) => next is 0 or 43 or 44 or 51 or 60 or 135 or 139 or 140;

    // RFC 9293 §3.1:
    // |          Source Port          |       Destination Port        |
    // |                        Sequence Number                        |
    // |                    Acknowledgment Number                      |
    // |  Data |       |C|E|U|A|P|R|S|F|                               |
    // | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
    // |           Checksum            |         Urgent Pointer        |
    // |                    Options (data offset > 5)                  |
    private static DissectStatus DissectTcp(
        ReadOnlySpan<byte> frame, int offset, int segmentLength, InetAddress source, InetAddress destination,
        in LinkInfo link, out TcpPacket packet)
    {
        packet = default;
        if (segmentLength < 20)
        {
            return DissectStatus.Malformed;
        }

        ReadOnlySpan<byte> tcp = frame.Slice(offset, segmentLength);
        int headerLength = (tcp[12] >> 4) * 4;
        if (headerLength < 20 || headerLength > segmentLength)
        {
            return DissectStatus.Malformed;
        }

        packet = new TcpPacket
        {
            HasMacAddresses = link.HasMacs,
            SourceMac = link.Source,
            DestinationMac = link.Destination,
            VlanTagCount = link.VlanTags,
            VlanId = link.VlanId,
            Source = source,
            Destination = destination,
            SourcePort = BinaryPrimitives.ReadUInt16BigEndian(tcp),
            DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]),
            SequenceNumber = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]),
            AcknowledgmentNumber = BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]),
            Flags = (TcpControlBits)tcp[13],
            PayloadOffset = offset + headerLength,
            PayloadLength = segmentLength - headerLength,
        };
        return DissectStatus.Tcp;
    }
}
