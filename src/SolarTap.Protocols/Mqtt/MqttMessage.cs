namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// An application message (MQTT 3.1.1 §1.2): what is published, what a will or birth message says, and what is
/// delivered from a subscription.
/// </summary>
/// <param name="Topic">The topic name; no wildcards (§4.7).</param>
/// <param name="Payload">The application payload, any bytes (§3.3.3).</param>
/// <param name="Qos">The quality of service (§4.3).</param>
/// <param name="Retain">Whether the server keeps it as the topic's retained message (§3.3.1.3).</param>
public sealed record MqttMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos = MqttQos.AtMostOnce, bool Retain = false);
