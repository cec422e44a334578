namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// The fields of a CONNECT packet (MQTT 3.1.1 §3.1): what the client writes and what
/// <see cref="MqttPacket.ReadConnect"/> reads back.
/// </summary>
public sealed class MqttConnect
{
    /// <summary>The client identifier (§3.1.3.1). Empty asks the server to assign one and needs <see cref="CleanSession"/>.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>Whether the server discards any previous session and starts a new one (§3.1.2.4).</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Keep alive in seconds; 0 turns the mechanism off (§3.1.2.10).</summary>
    public ushort KeepAliveSeconds { get; init; } = 60;

    /// <summary>The will message the server publishes when the connection ends without DISCONNECT (§3.1.2.5).</summary>
    public MqttMessage? Will { get; init; }

    /// <summary>The user name (§3.1.3.4), or null.</summary>
    public string? UserName { get; init; }

    /// <summary>The password, binary (§3.1.3.5), or null. Needs <see cref="UserName"/> [MQTT-3.1.2-22].</summary>
    public byte[]? Password { get; init; }

    /// <summary>The protocol level (§3.1.2.2); 4 for 3.1.1. The writer always writes 4.</summary>
    public byte ProtocolLevel { get; init; } = MqttWire.ProtocolLevel;

    /// <summary>
    /// Whether <paramref name="clientId"/> is one every server must accept: 1-23 bytes of [0-9a-zA-Z]
    /// [MQTT-3.1.3-5]. Longer ids and other characters are allowed by most servers, mosquitto included.
    /// </summary>
    public static bool IsPortableClientId(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        return clientId.Length is >= 1 and <= 23 && clientId.All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>Everything that makes these fields impossible to send; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!MqttText.IsValid(ClientId))
        {
            problems.Add("The client id is not a valid MQTT string (§3.1.3.1).");
        }
        else if (ClientId.Length == 0 && !CleanSession)
        {
            problems.Add("An empty client id needs a clean session [MQTT-3.1.3-7].");
        }

        if (Will is { } will)
        {
            if (!MqttTopic.IsValidName(will.Topic))
            {
                problems.Add($"The will topic '{will.Topic}' is not a valid topic name (§3.1.3.2, §4.7).");
            }

            if (will.Qos > MqttQos.ExactlyOnce)
            {
                problems.Add("The will QoS must be 0, 1 or 2 [MQTT-3.1.2-14].");
            }

            if (will.Payload.Length > MqttWire.MaxStringLength)
            {
                problems.Add("The will message holds at most 65,535 bytes (§3.1.3.3).");
            }
        }

        if (UserName is not null && !MqttText.IsValid(UserName))
        {
            problems.Add("The user name is not a valid MQTT string (§3.1.3.4).");
        }

        if (Password is { } password)
        {
            if (UserName is null)
            {
                problems.Add("A password needs a user name [MQTT-3.1.2-22].");
            }

            if (password.Length > MqttWire.MaxStringLength)
            {
                problems.Add("The password holds at most 65,535 bytes (§3.1.3.5).");
            }
        }

        return problems;
    }
}
