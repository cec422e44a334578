namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// Why <see cref="MqttPacketReader"/> returned <see cref="System.Buffers.OperationStatus.InvalidData"/>. Every one of
/// these is a protocol violation after which the network connection must be closed (MQTT 3.1.1 §4.8).
/// </summary>
public enum MqttReadError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Packet type 0 or 15 (§2.2.1).</summary>
    ReservedPacketType,

    /// <summary>Fixed-header flags other than Table 2.2 allows, or PUBLISH with QoS 3 (§2.2.2, [MQTT-3.3.1-4]).</summary>
    InvalidFlags,

    /// <summary>A fourth Remaining Length byte still has its continuation bit set (§2.2.3).</summary>
    RemainingLengthTooLong,

    /// <summary>The declared packet is larger than the reader's maximum.</summary>
    PacketTooLarge,

    /// <summary>The Remaining Length does not fit the packet type, a field runs past it, or bytes are left over.</summary>
    InvalidLength,

    /// <summary>A string is not well-formed UTF-8 or encodes U+0000 (§1.5.3).</summary>
    InvalidString,

    /// <summary>A topic name holds a wildcard or is empty, or a topic filter misplaces one (§4.7).</summary>
    InvalidTopic,

    /// <summary>A packet identifier is 0 [MQTT-2.3.1-1].</summary>
    ZeroPacketId,

    /// <summary>A requested QoS, will QoS or reserved bit is out of range (§3.1.2.3, §3.8.3.1).</summary>
    InvalidQos,

    /// <summary>SUBSCRIBE or UNSUBSCRIBE without a topic filter, or SUBACK without a return code (§3.8.3, §3.10.3, §3.9.3).</summary>
    EmptyPayload,

    /// <summary>A SUBACK return code other than 0x00, 0x01, 0x02 or 0x80 (§3.9.3), or reserved CONNACK flag bits (§3.2.2.1).</summary>
    InvalidReturnCode,

    /// <summary>CONNECT with a protocol name other than "MQTT" or inconsistent connect flags (§3.1.2.1, §3.1.2.3).</summary>
    InvalidConnect,
}
