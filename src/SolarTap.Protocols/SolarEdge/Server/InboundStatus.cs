namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>What <see cref="InboundMessageStream.Next"/> found.</summary>
internal enum InboundStatus
{
    /// <summary>No complete message in the buffer.</summary>
    NeedMoreData,

    /// <summary>A message was processed by the session tracker.</summary>
    Message,

    /// <summary>The stream starts with a TLS ClientHello; every byte of it is dropped from now on.</summary>
    TlsClientHello,
}
