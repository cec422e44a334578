namespace SolarTap.Protocols.Net;

/// <summary>Per-flow stream logic of <see cref="TcpReassembler"/>: trimming, buffering, holes and closing.</summary>
public sealed partial class TcpReassembler
{
    private void AcceptData(TcpFlow flow, uint sequence, ReadOnlySpan<byte> data)
    {
        long start = flow.OffsetOf(sequence);
        long end = start + data.Length;
        if (flow.FinOffset >= 0 && end > flow.FinOffset)
        {
            if (start >= flow.FinOffset)
            {
                Statistics.IgnoredSegments++; // data after the FIN is not part of the stream
                return;
            }

            data = data[..(int)(flow.FinOffset - start)];
            end = flow.FinOffset;
        }

        if (end <= flow.NextOffset)
        {
            Statistics.DuplicateBytes += data.Length; // retransmission, or bytes before the ISN
            return;
        }

        if (start < flow.NextOffset)
        {
            int seen = (int)(flow.NextOffset - start); // partial retransmission: keep only the new tail
            Statistics.DuplicateBytes += seen;
            data = data[seen..];
            start = flow.NextOffset;
        }

        if (start == flow.NextOffset)
        {
            Deliver(flow, data);
            flow.AdvanceTo(end);
            DrainPending(flow);
            return;
        }

        BufferAhead(flow, start, data);
    }

    /// <summary>Stores the parts of [start, start + data.Length) that no buffered piece covers yet.</summary>
    private void BufferAhead(TcpFlow flow, long start, ReadOnlySpan<byte> data)
    {
        Statistics.OutOfOrderSegments++;
        List<PendingSegment> pending = flow.Pending;
        long end = start + data.Length;
        long cursor = start;
        int stored = 0;
        int i = FirstEndingAfter(pending, start);
        while (cursor < end)
        {
            if (i < pending.Count && pending[i].Offset < end)
            {
                long next = pending[i].Offset;
                if (next > cursor)
                {
                    stored += Insert(flow, i, cursor, data.Slice((int)(cursor - start), (int)(next - cursor)));
                    i++; // the piece now sits before the buffered one it ends at
                }

                cursor = Math.Max(cursor, pending[i].End);
                i++;
            }
            else
            {
                stored += Insert(flow, i, cursor, data[(int)(cursor - start)..]);
                cursor = end;
            }
        }

        Statistics.DuplicateBytes += data.Length - stored;
        while (flow.PendingBytes > Options.MaxBufferedBytesPerFlow)
        {
            SkipFirstHole(flow); // spec §5.4: bounded memory; the oldest hole goes first
        }
    }

    private int Insert(TcpFlow flow, int index, long offset, ReadOnlySpan<byte> piece)
    {
        flow.Pending.Insert(index, new PendingSegment(offset, piece.ToArray(), NowNanoseconds));
        flow.PendingBytes += piece.Length;
        return piece.Length;
    }

    private static int FirstEndingAfter(List<PendingSegment> pending, long offset)
    {
        int low = 0;
        int high = pending.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (pending[middle].End > offset)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private void DrainPending(TcpFlow flow)
    {
        List<PendingSegment> pending = flow.Pending;
        int used = 0;
        while (used < pending.Count && pending[used].Offset <= flow.NextOffset)
        {
            PendingSegment segment = pending[used++];
            flow.PendingBytes -= segment.Data.Length;
            if (segment.End > flow.NextOffset)
            {
                Deliver(flow, segment.Data.AsSpan((int)(flow.NextOffset - segment.Offset)));
                flow.AdvanceTo(segment.End);
            }
        }

        pending.RemoveRange(0, used);
    }

    private void DropPendingAfterFin(TcpFlow flow)
    {
        List<PendingSegment> pending = flow.Pending;
        for (int i = pending.Count - 1; i >= 0 && pending[i].End > flow.FinOffset; i--)
        {
            PendingSegment segment = pending[i];
            flow.PendingBytes -= segment.Data.Length;
            pending.RemoveAt(i);
            if (segment.Offset < flow.FinOffset)
            {
                Insert(flow, i, segment.Offset, segment.Data.AsSpan(0, (int)(flow.FinOffset - segment.Offset)));
            }
        }
    }

    /// <summary>Skips the first hole (before buffered data, or before the FIN), reports it, and delivers what follows.</summary>
    private void SkipFirstHole(TcpFlow flow)
    {
        long holeEnd = flow.Pending.Count > 0 ? flow.Pending[0].Offset : flow.FinOffset;
        long length = holeEnd - flow.NextOffset;
        if (length > 0)
        {
            Statistics.Gaps++;
            Statistics.GapBytes += length;
            _consumer.OnGap(flow.Key, length);
            flow.AdvanceTo(holeEnd);
        }

        DrainPending(flow);
    }

    /// <summary>Skips every hole known for longer than the gap timeout, then closes the flow if its FIN is reached.</summary>
    private void ExpireHoles(TcpFlow flow)
    {
        while (flow.HasHole && NowNanoseconds - flow.HoleSinceNs() >= _gapTimeoutNs)
        {
            SkipFirstHole(flow);
        }

        CloseIfFinished(flow);
    }

    private void FlushAndClose(TcpFlow flow, TcpCloseReason reason)
    {
        while (flow.HasHole)
        {
            SkipFirstHole(flow);
        }

        CloseIfFinished(flow);
        if (!flow.Closed)
        {
            Close(flow, reason);
        }
    }

    private void CloseIfFinished(TcpFlow flow)
    {
        if (!flow.Closed && flow.FinOffset >= 0 && flow.NextOffset >= flow.FinOffset)
        {
            Close(flow, TcpCloseReason.Fin);
        }
    }

    private void Close(TcpFlow flow, TcpCloseReason reason)
    {
        flow.Closed = true;
        flow.Pending.Clear();
        flow.PendingBytes = 0;
        OpenFlows--;
        Statistics.FlowsClosed++;
        _consumer.OnClosed(flow.Key, reason);
    }

    private void Deliver(TcpFlow flow, ReadOnlySpan<byte> data)
    {
        Statistics.DeliveredBytes += data.Length;
        _consumer.OnData(flow.Key, data);
    }
}
