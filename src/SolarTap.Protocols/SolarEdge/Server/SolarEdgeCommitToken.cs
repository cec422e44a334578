namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// Names one post whose ACK waits for its readings to be durable (ARCHITECTURE §3). Hand it back to
/// <see cref="SolarEdgeServerSession.Committed"/> of the session that issued it.
/// </summary>
public sealed class SolarEdgeCommitToken
{
    internal SolarEdgeCommitToken(SolarEdgeServerSession owner, SolarEdgeHeader ackHeader)
    {
        Owner = owner;
        AckHeader = ackHeader;
    }

    /// <summary>The inverter the ACK goes to.</summary>
    public uint Inverter => AckHeader.Destination;

    /// <summary>The post's (and so the ACK's) sequence number.</summary>
    public ushort Sequence => AckHeader.Sequence;

    /// <summary>Whether <see cref="SolarEdgeServerSession.Committed"/> was called for it.</summary>
    public bool IsCommitted { get; internal set; }

    internal SolarEdgeServerSession Owner { get; }

    // spec §5.2: ACK 0x0080, seq echoed, source and destination swapped.
    internal SolarEdgeHeader AckHeader { get; }
}
