namespace SolarTap.Protocols.SolarEdge;

/// <summary>
/// The addressed part of a SolarEdge message header (spec §1.1). Length, inverted length and CRC are
/// framing details that the reader checks and the writer computes.
/// </summary>
/// <param name="Sequence">Sequence number; an answer carries the sequence of the message it answers (spec §1.4).</param>
/// <param name="Source">Source address (spec §2.1).</param>
/// <param name="Destination">Destination address (spec §2.1).</param>
/// <param name="Function">Function code (spec §2).</param>
public readonly record struct SolarEdgeHeader(ushort Sequence, uint Source, uint Destination, FunctionCode Function)
{
    /// <summary>The header of the reply to this message: same sequence, source and destination swapped (spec §5.2).</summary>
    public SolarEdgeHeader ReplyWith(FunctionCode function) => new(Sequence, Destination, Source, function);
}
