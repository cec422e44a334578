namespace SolarTap.Protocols.Mqtt;

/// <summary>One topic filter and the maximum QoS requested for it in SUBSCRIBE (MQTT 3.1.1 §3.8.3).</summary>
/// <param name="Filter">The topic filter; may hold '+' and '#' (§4.7.1).</param>
/// <param name="Qos">The maximum QoS the server may deliver with.</param>
public readonly record struct MqttSubscription(string Filter, MqttQos Qos);
