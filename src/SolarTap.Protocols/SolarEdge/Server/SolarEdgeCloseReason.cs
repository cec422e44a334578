namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>Why a <see cref="SolarEdgeServerSession"/> asks for its connection to be closed.</summary>
public enum SolarEdgeCloseReason
{
    /// <summary>The first bytes are a TLS ClientHello: the inverter runs TLS firmware (spec §5.1 item 2, issue #149).</summary>
    TlsClientHello,

    /// <summary>More bytes without a valid message than <see cref="SolarEdgeServerOptions.MaxGarbageBytes"/>.</summary>
    GarbageFlood,
}
