using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Devices.Serial;

/// <summary>One checked SolarEdge message received on a serial line, copied out of the receive buffer.</summary>
/// <param name="Header">Sequence, addresses and function (spec §1.1).</param>
/// <param name="Payload">The payload bytes as sent.</param>
/// <param name="ReceivedAt">When its last byte was read.</param>
public sealed record SolarEdgeSerialMessage(SolarEdgeHeader Header, byte[] Payload, DateTimeOffset ReceivedAt);
