namespace SolarTap.Protocols.Mqtt;

/// <summary>What a <see cref="MqttSessionEvent"/> reports.</summary>
public enum MqttSessionEventKind
{
    /// <summary>CONNACK 0: the session is usable (<see cref="MqttSessionEvent.SessionPresent"/> per §3.2.2.2).</summary>
    Connected,

    /// <summary>CONNACK 1-5 (or reserved): see <see cref="MqttSessionEvent.ReturnCode"/>; the connection must be closed.</summary>
    ConnectRefused,

    /// <summary>The network connection ended or was declared dead; <see cref="MqttSessionEvent.Reason"/> says why.</summary>
    ConnectionLost,

    /// <summary>A QoS 0 message was written to the output; the token is done (there is no acknowledgment).</summary>
    PublishSent,

    /// <summary>The broker's PUBACK for a QoS 1 message arrived: only now may the sink acknowledge the journal entry.</summary>
    PublishAcknowledged,

    /// <summary>An application message arrived from a subscription (<see cref="MqttSessionEvent.Message"/>).</summary>
    MessageReceived,

    /// <summary>SUBACK: <see cref="MqttSessionEvent.ReturnCodes"/> holds the granted QoS per filter or 0x80 for failure.</summary>
    SubscribeAcknowledged,

    /// <summary>UNSUBACK for <see cref="MqttSessionEvent.PacketId"/>.</summary>
    UnsubscribeAcknowledged,
}
