namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>Close the connection; the session ignores every later byte.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Guidance">What the user can do, ready for the status page.</param>
public sealed record SolarEdgeClose(SolarEdgeCloseReason Reason, string Guidance) : SolarEdgeServerAction
{
    /// <summary>The guidance given for <see cref="SolarEdgeCloseReason.TlsClientHello"/>.</summary>
    public const string TlsGuidance = "TLS firmware: its data cannot be decoded over the network; use RS485 or SunSpec Modbus";
}
