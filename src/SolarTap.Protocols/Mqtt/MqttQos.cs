namespace SolarTap.Protocols.Mqtt;

/// <summary>Quality of service levels (MQTT 3.1.1 §4.3). The wire value is the enum value.</summary>
public enum MqttQos : byte
{
    /// <summary>QoS 0: at most once, no acknowledgment (§4.3.1).</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: at least once, acknowledged by PUBACK (§4.3.2).</summary>
    AtLeastOnce = 1,

    /// <summary>QoS 2: exactly once, PUBREC/PUBREL/PUBCOMP (§4.3.3).</summary>
    ExactlyOnce = 2,
}
