namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>What <c>TlsClientHelloDetector.Probe</c> found at the start of a stream.</summary>
public enum TlsProbe
{
    /// <summary>The bytes so far match a ClientHello; more are needed to decide.</summary>
    NeedMoreData,

    /// <summary>Not TLS.</summary>
    NotTls,

    /// <summary>A TLS handshake record holding a ClientHello.</summary>
    ClientHello,
}
