namespace SolarTap.Protocols.Net;

/// <summary>
/// Rebuilds the byte stream of every direction of every TCP connection in a capture (spec §5.4 rule 4, done right):
/// <list type="bullet">
/// <item>a SYN starts the stream at ISN + 1; a flow first seen without SYN starts at its first segment;</item>
/// <item>bytes in order are delivered at once; segments ahead of a hole are buffered (bounded per flow);</item>
/// <item>retransmissions and overlaps are trimmed, the first copy of a byte wins; the next expected sequence number
/// never moves backwards (RFC 1982 serial arithmetic, so 2^32 wraps are harmless);</item>
/// <item>a hole not filled within <see cref="TcpReassemblyOptions.GapTimeout"/> of capture time, or in the way when
/// the buffer is full, is skipped and reported through <see cref="ITcpStreamConsumer.OnGap"/>;</item>
/// <item>FIN (once reached in sequence) and RST end a flow; idle flows are closed; <see cref="Complete"/> flushes.</item>
/// </list>
/// Time is the capture's: it only moves forward, as the largest timestamp seen. Not thread-safe; the consumer must not
/// call back into the reassembler.
/// </summary>
public sealed partial class TcpReassembler
{
    private const long NanosecondsPerTick = 100;
    private const long SweepIntervalNs = 1_000_000_000;

    private readonly Dictionary<TcpFlowKey, TcpFlow> _flows = [];
    private readonly List<TcpFlowKey> _doomed = [];
    private readonly ITcpStreamConsumer _consumer;
    private readonly long _gapTimeoutNs;
    private readonly long _idleTimeoutNs;
    private readonly long _lingerNs;
    private bool _clockStarted;
    private long _nextSweepNs;

    /// <summary>A reassembler reporting to <paramref name="consumer"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public TcpReassembler(ITcpStreamConsumer consumer, TcpReassemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        Options = options ?? new TcpReassemblyOptions();
        Options.Validate();
        _consumer = consumer;
        _gapTimeoutNs = Options.GapTimeout.Ticks * NanosecondsPerTick;
        _idleTimeoutNs = Options.IdleTimeout.Ticks * NanosecondsPerTick;
        _lingerNs = Options.ClosedLinger.Ticks * NanosecondsPerTick;
    }

    /// <summary>Limits and timeouts in force.</summary>
    public TcpReassemblyOptions Options { get; }

    /// <summary>Counters since the reassembler was made.</summary>
    public TcpReassemblyStatistics Statistics { get; } = new();

    /// <summary>Capture time in nanoseconds since the Unix epoch: the largest timestamp seen so far.</summary>
    public long NowNanoseconds { get; private set; }

    /// <summary>Flows that are open (not yet closed).</summary>
    public int OpenFlows { get; private set; }

    /// <summary>
    /// Takes one captured segment. <paramref name="payload"/> is the segment's payload (see
    /// <see cref="TcpPacket.PayloadOf"/>); in-order bytes are passed to the consumer before this returns.
    /// </summary>
    /// <param name="packet">The dissected segment.</param>
    /// <param name="payload">Its payload bytes.</param>
    /// <param name="timestampNanoseconds">Capture time, nanoseconds since the Unix epoch.</param>
    public void Process(in TcpPacket packet, ReadOnlySpan<byte> payload, long timestampNanoseconds)
    {
        Statistics.Segments++;
        AdvanceTime(timestampNanoseconds);
        bool syn = (packet.Flags & TcpControlBits.Syn) != 0;
        bool fin = (packet.Flags & TcpControlBits.Fin) != 0;
        bool rst = (packet.Flags & TcpControlBits.Rst) != 0;
        uint dataSequence = syn ? packet.SequenceNumber + 1 : packet.SequenceNumber; // a SYN occupies one number
        TcpFlowKey key = packet.Flow;

        if (!_flows.TryGetValue(key, out TcpFlow? flow))
        {
            if (rst)
            {
                Statistics.IgnoredSegments++;
                return;
            }

            flow = Open(key, dataSequence, syn);
        }
        else if (flow.Closed)
        {
            flow.LastSeenNs = NowNanoseconds;
            if (!syn || dataSequence == flow.StartSequence)
            {
                Statistics.IgnoredSegments++; // late retransmission after FIN/RST
                return;
            }

            _flows.Remove(key);
            flow = Open(key, dataSequence, syn: true);
        }
        else if (syn)
        {
            flow = OnSynForOpenFlow(flow, dataSequence);
        }

        flow.LastSeenNs = NowNanoseconds;
        if (!payload.IsEmpty)
        {
            AcceptData(flow, dataSequence, payload);
        }

        if (fin && flow.FinOffset < 0)
        {
            long finOffset = flow.OffsetOf(dataSequence) + payload.Length;
            if (finOffset >= flow.NextOffset)
            {
                flow.FinOffset = finOffset;
                flow.FinArrivalNs = NowNanoseconds;
                DropPendingAfterFin(flow);
            }
        }

        if (rst)
        {
            FlushAndClose(flow, TcpCloseReason.Reset);
            return;
        }

        ExpireHoles(flow);
    }

    /// <summary>
    /// Moves capture time forward (a live capture calls this when idle): holes older than the gap timeout are skipped
    /// and idle flows closed. Earlier times are ignored.
    /// </summary>
    public void AdvanceTime(long nowNanoseconds)
    {
        if (!_clockStarted || nowNanoseconds > NowNanoseconds)
        {
            NowNanoseconds = nowNanoseconds;
            if (!_clockStarted)
            {
                _clockStarted = true;
                _nextSweepNs = nowNanoseconds + SweepIntervalNs;
            }
        }

        if (NowNanoseconds >= _nextSweepNs)
        {
            Sweep();
            _nextSweepNs = NowNanoseconds + SweepIntervalNs;
        }
    }

    /// <summary>
    /// End of capture: every open flow delivers what it has buffered, reporting each hole before buffered data, and is
    /// closed (<see cref="TcpCloseReason.EndOfCapture"/>, or <see cref="TcpCloseReason.Fin"/> when its FIN is reached).
    /// </summary>
    public void Complete()
    {
        foreach (TcpFlow flow in _flows.Values)
        {
            if (!flow.Closed)
            {
                FlushAndClose(flow, TcpCloseReason.EndOfCapture);
            }
        }

        _flows.Clear();
    }

    private TcpFlow Open(TcpFlowKey key, uint nextSequence, bool syn)
    {
        if (_flows.Count >= Options.MaxFlows)
        {
            EvictOldest();
        }

        var flow = new TcpFlow(key, nextSequence, NowNanoseconds) { SawSyn = syn };
        _flows[key] = flow;
        OpenFlows++;
        Statistics.FlowsOpened++;
        return flow;
    }

    private TcpFlow OnSynForOpenFlow(TcpFlow flow, uint dataSequence)
    {
        // A SYN whose ISN+1 lies at or before the next expected byte (and not absurdly far back) is a retransmission or
        // a reordered original: its sequence number must not move the stream. Anything else is a new connection.
        long synOffset = flow.OffsetOf(dataSequence);
        if (synOffset <= flow.NextOffset && synOffset >= -Options.MaxBufferedBytesPerFlow)
        {
            return flow;
        }

        if (flow.NextOffset == 0 && flow.Pending.Count == 0)
        {
            flow.Restart(dataSequence); // only empty segments (ACKs) were seen before the SYN
            flow.SawSyn = true;
            return flow;
        }

        FlushAndClose(flow, TcpCloseReason.Replaced);
        _flows.Remove(flow.Key);
        return Open(flow.Key, dataSequence, syn: true);
    }

    private void EvictOldest()
    {
        TcpFlow? oldest = null;
        foreach (TcpFlow flow in _flows.Values)
        {
            // Closed flows (kept only to recognise late retransmissions) go first.
            if (oldest is null || (flow.Closed && !oldest.Closed)
                || (flow.Closed == oldest.Closed && flow.LastSeenNs < oldest.LastSeenNs))
            {
                oldest = flow;
            }
        }

        if (oldest is not null)
        {
            if (!oldest.Closed)
            {
                FlushAndClose(oldest, TcpCloseReason.Evicted);
            }

            _flows.Remove(oldest.Key);
        }
    }

    private void Sweep()
    {
        _doomed.Clear();
        foreach (TcpFlow flow in _flows.Values)
        {
            long quiet = NowNanoseconds - flow.LastSeenNs;
            if (flow.Closed)
            {
                if (quiet >= _lingerNs)
                {
                    _doomed.Add(flow.Key);
                }
            }
            else if (quiet >= _idleTimeoutNs)
            {
                FlushAndClose(flow, TcpCloseReason.Idle);
                _doomed.Add(flow.Key);
            }
            else
            {
                ExpireHoles(flow);
            }
        }

        foreach (TcpFlowKey key in _doomed)
        {
            _flows.Remove(key);
        }
    }
}
