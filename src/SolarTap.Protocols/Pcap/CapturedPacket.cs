using System.Buffers;

namespace SolarTap.Protocols.Pcap;

/// <summary>
/// One packet record from a capture file. <see cref="Data"/> is a slice of the reader's input: it is valid until the
/// caller releases that buffer (for a pipe, until <c>AdvanceTo</c>), so copy what must outlive it.
/// </summary>
public readonly record struct CapturedPacket
{
    /// <summary>Capture time in nanoseconds since 1970-01-01 00:00:00 UTC; exact for µs and ns files.</summary>
    public long TimestampNanoseconds { get; init; }

    /// <summary>False for pcapng Simple Packet Blocks, which carry no time (the timestamp is then 0).</summary>
    public bool HasTimestamp { get; init; }

    /// <summary>Link-layer header type of <see cref="Data"/>.</summary>
    public LinkType LinkType { get; init; }

    /// <summary>pcapng interface index within its section; 0 for classic pcap.</summary>
    public int InterfaceId { get; init; }

    /// <summary>Length of the packet on the wire; at least <see cref="CapturedLength"/> unless the file says otherwise.</summary>
    public long OriginalLength { get; init; }

    /// <summary>The captured bytes, starting with the link-layer header.</summary>
    public ReadOnlySequence<byte> Data { get; init; }

    /// <summary>Number of captured bytes.</summary>
    public int CapturedLength => (int)Data.Length;

    /// <summary>Whether the capture cut the packet short (snap length).</summary>
    public bool IsTruncated => OriginalLength > CapturedLength;

    /// <summary>Capture time as a <see cref="DateTimeOffset"/> in UTC (100 ns resolution; rounds toward the past).</summary>
    public DateTimeOffset Timestamp => DateTimeOffset.UnixEpoch.AddTicks(Math.DivRem(TimestampNanoseconds, 100) switch
    {
        (long ticks, < 0) => ticks - 1,
        (long ticks, _) => ticks,
    });

    /// <summary>
    /// The data as one span: a slice of the input when it is contiguous, else a copy in <paramref name="scratch"/>
    /// (which must hold <see cref="CapturedLength"/> bytes).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="scratch"/> is too small for a multi-segment packet.</exception>
    public ReadOnlySpan<byte> GetContiguous(Span<byte> scratch)
    {
        if (Data.IsSingleSegment)
        {
            return Data.FirstSpan;
        }

        Data.CopyTo(scratch);
        return scratch[..CapturedLength];
    }
}
