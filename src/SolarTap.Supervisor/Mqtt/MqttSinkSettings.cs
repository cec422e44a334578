using SolarTap.Protocols.Mqtt;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Mqtt;

/// <summary>Turns the <c>mqtt</c> section into the session and transport options of the MQTT driver.</summary>
internal static class MqttSinkSettings
{
    /// <summary>
    /// Persistent session (clean session 0) under a stable client id, availability "online"/"offline" (birth and
    /// will), and a subscription to Home Assistant's status topic.
    /// </summary>
    public static MqttClientOptions Session(MqttOptions options) => new()
    {
        ClientId = options.ClientId,
        CleanSession = false,
        KeepAliveSeconds = 30,
        UserName = options.UserName,
        Password = options.Password,
        AvailabilityTopic = options.AvailabilityTopic,
        Subscriptions = options.DiscoveryPrefix == "none" ? [] : [new MqttSubscription(StatusTopic(options), MqttQos.AtLeastOnce)],
        MaxInFlight = 16,
        MaxQueued = 256,
    };

    /// <summary>Where the broker is and how to talk to it.</summary>
    public static MqttTransportOptions Transport(MqttOptions options) => new()
    {
        Host = options.Host,
        Port = options.Port,
        UseTls = options.Tls,
        CaCertificateFile = options.CaFile,
        ClientCertificateFile = options.ClientCertificate,
        ClientKeyFile = options.ClientKey,
    };

    /// <summary>Home Assistant announces "online" here when it starts: <c>{discovery_prefix}/status</c>.</summary>
    public static string StatusTopic(MqttOptions options) => $"{options.DiscoveryPrefix}/status";
}
