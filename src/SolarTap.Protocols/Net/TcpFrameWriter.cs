using System.Buffers.Binary;

namespace SolarTap.Protocols.Net;

/// <summary>
/// Builds Ethernet II frames carrying one TCP segment over IPv4 or IPv6, with optional stacked VLAN tags and correct
/// IPv4 and TCP checksums: for synthetic captures (tests, fuzz corpus, benchmarks, demos). One writer per direction.
/// </summary>
public sealed record TcpFrameWriter
{
    private const int EthernetHeaderSize = 14;
    private const int TcpHeaderSize = 20;
    private const int EthernetMinimumFrame = 60; // without FCS, IEEE 802.3 §3.2.8

    /// <summary>Ethernet source address.</summary>
    public MacAddress SourceMac { get; init; }

    /// <summary>Ethernet destination address.</summary>
    public MacAddress DestinationMac { get; init; }

    /// <summary>VLAN IDs, outermost first; the innermost tag is 802.1Q (0x8100), outer ones 802.1ad (0x88a8).</summary>
    public IReadOnlyList<ushort> VlanIds { get; init; } = [];

    /// <summary>IP source; must be of the same family as <see cref="Destination"/>.</summary>
    public InetAddress Source { get; init; }

    /// <summary>IP destination.</summary>
    public InetAddress Destination { get; init; }

    /// <summary>TCP source port.</summary>
    public ushort SourcePort { get; init; }

    /// <summary>TCP destination port.</summary>
    public ushort DestinationPort { get; init; }

    /// <summary>TCP window.</summary>
    public ushort Window { get; init; } = 65535;

    /// <summary>IPv4 time to live / IPv6 hop limit.</summary>
    public byte TimeToLive { get; init; } = 64;

    /// <summary>Pad short frames with zeros to the Ethernet minimum of 60 bytes (the padding the dissector must ignore).</summary>
    public bool PadToMinimum { get; init; } = true;

    /// <summary>The writer for the opposite direction.</summary>
    public TcpFrameWriter Reverse() => this with
    {
        SourceMac = DestinationMac,
        DestinationMac = SourceMac,
        Source = Destination,
        Destination = Source,
        SourcePort = DestinationPort,
        DestinationPort = SourcePort,
    };

    /// <summary>Bytes of a frame carrying <paramref name="payloadLength"/> payload bytes.</summary>
    public int FrameSize(int payloadLength)
    {
        int size = EthernetHeaderSize + (4 * VlanIds.Count) + IpHeaderSize + TcpHeaderSize + payloadLength;
        return PadToMinimum ? Math.Max(size, EthernetMinimumFrame) : size;
    }

    private int IpHeaderSize => Source.IsIPv4 ? 20 : 40;

    /// <summary>Writes one frame; returns its size (<see cref="FrameSize"/>).</summary>
    /// <exception cref="ArgumentException">The destination is too small, the payload too long, or the address families differ.</exception>
    public int Write(Span<byte> destination, uint sequence, uint acknowledgment, TcpControlBits flags, ReadOnlySpan<byte> payload, ushort ipIdentification = 0)
    {
        if (Source.IsIPv4 != Destination.IsIPv4)
        {
            throw new ArgumentException("Source and destination must both be IPv4 or both IPv6.", nameof(destination));
        }

        int segmentLength = TcpHeaderSize + payload.Length;
        if (segmentLength + IpHeaderSize > ushort.MaxValue + (Source.IsIPv4 ? 0 : 40))
        {
            throw new ArgumentException($"A payload of {payload.Length} bytes does not fit one IP packet.", nameof(payload));
        }

        int size = FrameSize(payload.Length);
        if (destination.Length < size)
        {
            throw new ArgumentException($"The frame needs {size} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        Span<byte> frame = destination[..size];
        frame.Clear();
        DestinationMac.WriteTo(frame);
        SourceMac.WriteTo(frame[6..]);
        int at = 12;
        for (int i = 0; i < VlanIds.Count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame[at..], i == VlanIds.Count - 1 ? EtherTypes.Vlan : EtherTypes.ServiceVlan);
            BinaryPrimitives.WriteUInt16BigEndian(frame[(at + 2)..], (ushort)(VlanIds[i] & 0x0FFF));
            at += 4;
        }

        BinaryPrimitives.WriteUInt16BigEndian(frame[at..], Source.IsIPv4 ? EtherTypes.IPv4 : EtherTypes.IPv6);
        Span<byte> ip = frame[(at + 2)..];
        Span<byte> tcp = ip.Slice(IpHeaderSize, segmentLength);
        ulong pseudo;
        if (Source.IsIPv4)
        {
            // RFC 791 header without options; DF set.
            ip[0] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + segmentLength));
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], ipIdentification);
            BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);
            ip[8] = TimeToLive;
            ip[9] = 6;
            Source.WriteTo(ip[12..]);
            Destination.WriteTo(ip[16..]);
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Finish(InternetChecksum.Add(0, ip[..20])));
            pseudo = InternetChecksum.Add(0, ip.Slice(12, 8)) + 6 + (ulong)segmentLength; // RFC 9293 §3.1 pseudo-header
        }
        else
        {
            // RFC 8200 §3, no extension headers.
            BinaryPrimitives.WriteUInt32BigEndian(ip, 0x6000_0000);
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)segmentLength);
            ip[6] = 6;
            ip[7] = TimeToLive;
            Source.WriteTo(ip[8..]);
            Destination.WriteTo(ip[24..]);
            pseudo = InternetChecksum.Add(0, ip.Slice(8, 32)) + 6 + (ulong)segmentLength; // RFC 8200 §8.1 pseudo-header
        }

        BinaryPrimitives.WriteUInt16BigEndian(tcp, SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], acknowledgment);
        tcp[12] = 5 << 4;
        tcp[13] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], Window);
        payload.CopyTo(tcp[TcpHeaderSize..]);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[16..], InternetChecksum.Finish(InternetChecksum.Add(pseudo, tcp)));
        return size;
    }
}
