namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// One thing the caller of a <see cref="SolarEdgeServerSession"/> must do, in order: <see cref="SolarEdgeCommit"/>,
/// <see cref="SolarEdgeSend"/>, <see cref="SolarEdgeServerEvent"/> or <see cref="SolarEdgeClose"/>.
/// </summary>
public abstract record SolarEdgeServerAction;
