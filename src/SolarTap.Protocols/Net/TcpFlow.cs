namespace SolarTap.Protocols.Net;

/// <summary>
/// Reassembly state of one direction. Sequence numbers are turned into 64-bit stream offsets relative to the next
/// expected byte with serial-number arithmetic (RFC 1982; a signed 32-bit difference), so the 2^32 wrap never
/// reaches the buffering logic.
/// </summary>
internal sealed class TcpFlow(TcpFlowKey key, uint nextSequence, long nowNs)
{
    public TcpFlowKey Key { get; } = key;

    /// <summary>Sequence number of the byte at <see cref="NextOffset"/>.</summary>
    public uint NextSequence { get; private set; } = nextSequence;

    /// <summary>Stream bytes delivered or skipped so far; never decreases.</summary>
    public long NextOffset { get; private set; }

    /// <summary>Stream offset of the FIN (the first offset that is not data), or -1 until a FIN is seen.</summary>
    public long FinOffset { get; set; } = -1;

    public bool SawSyn { get; set; }

    /// <summary>Sequence number of the first stream byte (ISN + 1 after a SYN, else the first segment's).</summary>
    public uint StartSequence { get; private set; } = nextSequence;

    /// <summary>Capture time when the FIN arrived, for the hole before it.</summary>
    public long FinArrivalNs { get; set; }

    public bool Closed { get; set; }

    public long LastSeenNs { get; set; } = nowNs;

    /// <summary>Out-of-order data, sorted by offset, not overlapping, every piece after <see cref="NextOffset"/>.</summary>
    public List<PendingSegment> Pending { get; } = [];

    public long PendingBytes { get; set; }

    /// <summary>Stream offset of <paramref name="sequence"/>: within 2^31 before or after the next expected byte.</summary>
    public long OffsetOf(uint sequence) => NextOffset + (int)(sequence - NextSequence);

    public void AdvanceTo(long offset)
    {
        NextSequence += (uint)(offset - NextOffset);
        NextOffset = offset;
    }

    /// <summary>Restarts an empty flow at a new initial sequence number (a SYN seen after the first segment).</summary>
    public void Restart(uint nextSequence)
    {
        NextSequence = nextSequence;
        StartSequence = nextSequence;
        NextOffset = 0;
        FinOffset = -1;
    }

    /// <summary>Whether bytes are missing before buffered data or before the FIN.</summary>
    public bool HasHole => Pending.Count > 0 || FinOffset > NextOffset;

    /// <summary>
    /// Capture time since which the first hole has been known: the oldest arrival of data (or FIN) beyond it,
    /// or <see cref="long.MaxValue"/> when there is no hole.
    /// </summary>
    public long HoleSinceNs()
    {
        long oldest = FinOffset > NextOffset ? FinArrivalNs : long.MaxValue;
        foreach (PendingSegment segment in Pending)
        {
            oldest = Math.Min(oldest, segment.ArrivalNs);
        }

        return oldest;
    }
}
