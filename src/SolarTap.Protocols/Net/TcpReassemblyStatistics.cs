namespace SolarTap.Protocols.Net;

/// <summary>Counters of a <see cref="TcpReassembler"/> since it was made.</summary>
public sealed class TcpReassemblyStatistics
{
    /// <summary>Segments given to the reassembler.</summary>
    public long Segments { get; internal set; }

    /// <summary>Stream bytes handed to the consumer.</summary>
    public long DeliveredBytes { get; internal set; }

    /// <summary>Payload bytes dropped because they were already delivered or buffered (retransmissions, overlaps).</summary>
    public long DuplicateBytes { get; internal set; }

    /// <summary>Segments that arrived ahead of a hole and were buffered.</summary>
    public long OutOfOrderSegments { get; internal set; }

    /// <summary>Holes skipped (timeout, buffer limit, flow end).</summary>
    public long Gaps { get; internal set; }

    /// <summary>Bytes in the skipped holes.</summary>
    public long GapBytes { get; internal set; }

    /// <summary>Flows started.</summary>
    public long FlowsOpened { get; internal set; }

    /// <summary>Flows ended, for whatever reason.</summary>
    public long FlowsClosed { get; internal set; }

    /// <summary>Segments ignored: RST for an unknown flow, segments for a closed flow, bytes after the FIN.</summary>
    public long IgnoredSegments { get; internal set; }
}
