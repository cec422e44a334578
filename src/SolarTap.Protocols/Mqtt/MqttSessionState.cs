namespace SolarTap.Protocols.Mqtt;

/// <summary>Where a <see cref="MqttClientSession"/> is in the connection lifecycle (MQTT 3.1.1 §3.1.4, §3.2).</summary>
public enum MqttSessionState
{
    /// <summary>No network connection; publishes are queued.</summary>
    Disconnected,

    /// <summary>CONNECT was written; waiting for CONNACK.</summary>
    AwaitingConnAck,

    /// <summary>CONNACK 0 received; publishing.</summary>
    Connected,
}
