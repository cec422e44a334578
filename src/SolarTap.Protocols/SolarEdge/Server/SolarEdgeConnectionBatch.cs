using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>What a <see cref="SolarEdgePassiveTap"/> decoded from one connection at one time.</summary>
/// <param name="Connection">The connection, as its inverter→server direction (the inverter is the source).</param>
/// <param name="Batch">The posts and events.</param>
public sealed record SolarEdgeConnectionBatch(TcpFlowKey Connection, SolarEdgeTapBatch Batch);
