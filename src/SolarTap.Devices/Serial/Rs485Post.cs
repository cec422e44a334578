using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Devices.Serial;

/// <summary>A 0x0500 telemetry post a slave sent during its grant (spec §3, §6.2).</summary>
/// <param name="Slave">The slave that held the bus.</param>
/// <param name="Header">The post's header (its sequence is echoed by the ACK).</param>
/// <param name="Payload">The telemetry records as sent.</param>
/// <param name="Telemetry">The decoded records and readings.</param>
/// <param name="ReceivedAt">When the post was complete.</param>
public sealed record Rs485Post(uint Slave, SolarEdgeHeader Header, byte[] Payload, TelemetryDecodeResult Telemetry, DateTimeOffset ReceivedAt);
