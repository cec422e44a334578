namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>Send these bytes to the inverter now: a whole reply message, wrapped in 0x003D when a session exists (spec §5.2).</summary>
/// <param name="Bytes">The message, barker to CRC.</param>
/// <param name="Function">The reply's function (the inner one for a wrapped reply), for logs.</param>
/// <param name="Sequence">The reply's sequence number: the sequence of the message it answers (spec §1.4).</param>
public sealed record SolarEdgeSend(ReadOnlyMemory<byte> Bytes, FunctionCode Function, ushort Sequence) : SolarEdgeServerAction;
