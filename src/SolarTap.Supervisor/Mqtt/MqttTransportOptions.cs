namespace SolarTap.Supervisor.Mqtt;

/// <summary>Where the broker is and how to reach it: plain TCP, or TLS with a CA file and an optional client certificate.</summary>
public sealed record MqttTransportOptions
{
    /// <summary>The broker's host name or address.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>The broker's port; 1883 is MQTT, 8883 MQTT over TLS.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>Whether to speak TLS (SslStream) on the connection.</summary>
    public bool UseTls { get; init; }

    /// <summary>PEM file of the CA(s) the broker's certificate must chain to; null trusts the system store.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>PEM file of a client certificate to present, or null.</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>PEM file of the client certificate's private key; null when it is in <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>The name the broker's certificate must carry (SNI and the name check); null uses <see cref="Host"/>.</summary>
    public string? ServerName { get; init; }

    /// <summary>How long TCP connect plus the TLS handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one write may block before the connection is given up.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest packet accepted from the broker.</summary>
    public int MaxPacketSize { get; init; } = 1 << 20;
}
