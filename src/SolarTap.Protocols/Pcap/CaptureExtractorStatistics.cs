namespace SolarTap.Protocols.Pcap;

/// <summary>What a <see cref="CaptureTcpExtractor"/> did with the packets it read.</summary>
public sealed class CaptureExtractorStatistics
{
    /// <summary>Packets read from the file.</summary>
    public long Packets { get; internal set; }

    /// <summary>TCP segments that passed the filter and went to the reassembler.</summary>
    public long Segments { get; internal set; }

    /// <summary>TCP segments the filter rejected.</summary>
    public long FilteredOut { get; internal set; }

    /// <summary>Frames that are not TCP over IP.</summary>
    public long NotTcp { get; internal set; }

    /// <summary>Non-first IP fragments (ignored).</summary>
    public long Fragments { get; internal set; }

    /// <summary>Frames cut short by the capture.</summary>
    public long Truncated { get; internal set; }

    /// <summary>Frames with impossible header fields.</summary>
    public long Malformed { get; internal set; }

    /// <summary>Packets of a link type the dissector does not know.</summary>
    public long UnsupportedLinkType { get; internal set; }
}
