namespace SolarTap.Protocols.Pcap;

/// <summary>What a <see cref="CaptureFileReader"/> has read so far.</summary>
public sealed class CaptureReaderStatistics
{
    /// <summary>Packets returned.</summary>
    public long Packets { get; internal set; }

    /// <summary>Bytes of the file consumed (headers, records and blocks).</summary>
    public long BytesConsumed { get; internal set; }

    /// <summary>pcapng sections (Section Header Blocks) read.</summary>
    public long Sections { get; internal set; }

    /// <summary>pcapng interfaces (Interface Description Blocks) read.</summary>
    public long Interfaces { get; internal set; }

    /// <summary>pcapng blocks skipped: unknown or uninteresting types, packets of an undeclared interface.</summary>
    public long SkippedBlocks { get; internal set; }
}
