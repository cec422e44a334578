namespace SolarTap.Protocols.Net;

/// <summary>
/// The fields of one captured TCP segment that filtering and reassembly need, as found by
/// <see cref="PacketDissector"/>. The payload is not copied: <see cref="PayloadOf"/> slices it from the frame.
/// </summary>
public readonly record struct TcpPacket
{
    /// <summary>Whether the link layer carried MAC addresses (Ethernet, Linux cooked capture with a 6-byte address).</summary>
    public bool HasMacAddresses { get; init; }

    /// <summary>Ethernet source address (for Linux cooked captures: the sender's link-layer address).</summary>
    public MacAddress SourceMac { get; init; }

    /// <summary>Ethernet destination address; zero when the link layer does not carry it.</summary>
    public MacAddress DestinationMac { get; init; }

    /// <summary>Number of 802.1Q / 802.1ad tags that were skipped.</summary>
    public int VlanTagCount { get; init; }

    /// <summary>VLAN identifier of the outermost tag; 0 when untagged.</summary>
    public ushort VlanId { get; init; }

    /// <summary>IP source address.</summary>
    public InetAddress Source { get; init; }

    /// <summary>IP destination address.</summary>
    public InetAddress Destination { get; init; }

    /// <summary>TCP source port.</summary>
    public ushort SourcePort { get; init; }

    /// <summary>TCP destination port.</summary>
    public ushort DestinationPort { get; init; }

    /// <summary>Sequence number of the first payload byte (or of the SYN).</summary>
    public uint SequenceNumber { get; init; }

    /// <summary>Acknowledgment number.</summary>
    public uint AcknowledgmentNumber { get; init; }

    /// <summary>Control bits.</summary>
    public TcpControlBits Flags { get; init; }

    /// <summary>Offset of the TCP payload in the frame that was dissected.</summary>
    public int PayloadOffset { get; init; }

    /// <summary>Payload length from the IP length fields (link-layer padding excluded).</summary>
    public int PayloadLength { get; init; }

    /// <summary>The direction-specific connection this segment belongs to.</summary>
    public TcpFlowKey Flow => new(Source, SourcePort, Destination, DestinationPort);

    /// <summary>The payload bytes inside <paramref name="frame"/>, the same frame that was dissected.</summary>
    public ReadOnlySpan<byte> PayloadOf(ReadOnlySpan<byte> frame) => frame.Slice(PayloadOffset, PayloadLength);
}
