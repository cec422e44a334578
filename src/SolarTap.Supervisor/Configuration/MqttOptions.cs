namespace SolarTap.Supervisor.Configuration;

/// <summary>The MQTT sink and Home Assistant discovery (YAML section <c>mqtt</c>). Off while <see cref="Host"/> is empty.</summary>
public sealed class MqttOptions
{
    /// <summary>The broker's host name or address (<c>host</c>); empty (the default) turns the MQTT sink off.</summary>
    public string Host { get; set; } = "";

    /// <summary>The broker's port (<c>port</c>). Default 1883 (8883 is usual with TLS).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Whether to use TLS (<c>tls</c>). Default false.</summary>
    public bool Tls { get; set; }

    /// <summary>PEM file of the CA the broker's certificate must chain to (<c>ca_file</c>); null trusts the system CAs.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM file of a client certificate (<c>client_cert</c>), or null.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>PEM file of the client certificate's key (<c>client_key</c>), or null when it is in the certificate file.</summary>
    public string? ClientKey { get; set; }

    /// <summary>The user name (<c>username</c>), or null.</summary>
    public string? UserName { get; set; }

    /// <summary>The password (<c>password</c>), or null.</summary>
    public string? Password { get; set; }

    /// <summary>The MQTT client id (<c>client_id</c>); also names the appliance in topics and in Home Assistant. Default solartap.</summary>
    public string ClientId { get; set; } = "solartap";

    /// <summary>The first level of state and availability topics (<c>topic_prefix</c>). Default solartap.</summary>
    public string TopicPrefix { get; set; } = "solartap";

    /// <summary>Home Assistant's discovery prefix (<c>discovery_prefix</c>); "none" turns discovery off. Default homeassistant.</summary>
    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>QoS of state messages (<c>qos</c>), 0 or 1. Default 1: a reading counts as delivered only after PUBACK.</summary>
    public int Qos { get; set; } = 1;

    /// <summary>Messages per second while replaying a backlog after an outage (<c>replay_rate</c>). Default 50.</summary>
    public int ReplayRate { get; set; } = 50;

    /// <summary>Whether the sink is on.</summary>
    public bool Enabled => Host.Length > 0;

    /// <summary>The appliance's availability topic: <c>{topic_prefix}/{client_id}/availability</c>.</summary>
    public string AvailabilityTopic => $"{TopicPrefix}/{ClientId}/availability";
}
