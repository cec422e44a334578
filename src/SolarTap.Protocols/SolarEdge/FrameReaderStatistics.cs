namespace SolarTap.Protocols.SolarEdge;

/// <summary>What a <see cref="SolarEdgeFrameReader"/> has seen so far.</summary>
public sealed class FrameReaderStatistics
{
    /// <summary>Messages that passed every check.</summary>
    public long Frames { get; internal set; }

    /// <summary>Bytes dropped while searching for a message: garbage, false barkers, rejected candidates.</summary>
    public long BytesSkipped { get; internal set; }

    /// <summary>Candidates whose CRC did not match (spec §1.5 rule 4).</summary>
    public long CrcErrors { get; internal set; }

    /// <summary>Barkers followed by a length whose inverse did not match (spec §1.5 rule 2).</summary>
    public long LengthMismatches { get; internal set; }

    /// <summary>Candidates declaring more payload than the reader's cap (spec §1.5 rule 6a).</summary>
    public long OversizedCandidates { get; internal set; }

    /// <summary>Incomplete candidates given up at end of input or after an idle interval (spec §1.5 rule 6b).</summary>
    public long TruncatedCandidates { get; internal set; }

    /// <summary>Every rejected candidate, whatever the reason.</summary>
    public long Rejected => CrcErrors + LengthMismatches + OversizedCandidates + TruncatedCandidates;
}
