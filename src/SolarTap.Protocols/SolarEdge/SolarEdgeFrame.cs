using System.Buffers;

namespace SolarTap.Protocols.SolarEdge;

/// <summary>
/// One checked SolarEdge message. <see cref="Payload"/> is a slice of the reader's input buffer: it is valid
/// until the caller releases that buffer (for a pipe, until <c>AdvanceTo</c>), so copy what must outlive it.
/// </summary>
/// <param name="Header">Sequence, addresses and function.</param>
/// <param name="Payload">The N payload bytes, exactly as sent.</param>
public readonly record struct SolarEdgeFrame(SolarEdgeHeader Header, ReadOnlySequence<byte> Payload)
{
    /// <summary>Sequence number.</summary>
    public ushort Sequence => Header.Sequence;

    /// <summary>Source address.</summary>
    public uint Source => Header.Source;

    /// <summary>Destination address.</summary>
    public uint Destination => Header.Destination;

    /// <summary>Function code.</summary>
    public FunctionCode Function => Header.Function;

    /// <summary>Size of the whole message on the wire.</summary>
    public int WireLength => SolarEdgeWire.FrameSize((int)Payload.Length);
}
