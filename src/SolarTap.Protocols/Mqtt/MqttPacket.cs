using System.Buffers;
using System.Text;

namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// One well-formed control packet found by <see cref="MqttPacketReader"/>. The sequences point into the reader's
/// input buffer: use them before that buffer is advanced, or copy (<see cref="ToMessage"/>, <see cref="GetTopic"/>).
/// Fields that do not apply to <see cref="Type"/> are zero or empty.
/// </summary>
public readonly partial struct MqttPacket
{
    internal MqttPacket(MqttPacketType type, byte flags, ReadOnlySequence<byte> body, ushort packetId, ReadOnlySequence<byte> topic, ReadOnlySequence<byte> payload)
    {
        Type = type;
        Flags = flags;
        Body = body;
        PacketId = packetId;
        Topic = topic;
        Payload = payload;
    }

    /// <summary>The control packet type (§2.2.1).</summary>
    public MqttPacketType Type { get; }

    /// <summary>The low nibble of the first fixed-header byte (§2.2.2).</summary>
    public byte Flags { get; }

    /// <summary>The variable header and payload: exactly Remaining Length bytes (§2.2.3).</summary>
    public ReadOnlySequence<byte> Body { get; }

    /// <summary>
    /// The packet identifier (§2.3.1) of PUBLISH with QoS 1 or 2, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBSCRIBE, SUBACK,
    /// UNSUBSCRIBE and UNSUBACK; never 0 for those. 0 for the rest.
    /// </summary>
    public ushort PacketId { get; }

    /// <summary>PUBLISH: the QoS from flag bits 2-1 (§3.3.1.2).</summary>
    public MqttQos Qos => Type == MqttPacketType.Publish ? (MqttQos)((Flags >> 1) & 0b11) : MqttQos.AtMostOnce;

    /// <summary>PUBLISH: the DUP flag, bit 3 (§3.3.1.1): this may be a re-delivery.</summary>
    public bool Duplicate => Type == MqttPacketType.Publish && (Flags & 0b1000) != 0;

    /// <summary>PUBLISH: the RETAIN flag, bit 0 (§3.3.1.3).</summary>
    public bool Retain => Type == MqttPacketType.Publish && (Flags & 0b0001) != 0;

    /// <summary>PUBLISH: the topic name as UTF-8, already checked (§3.3.2.1).</summary>
    public ReadOnlySequence<byte> Topic { get; }

    /// <summary>PUBLISH: the application message (§3.3.3). SUBACK: the return codes (§3.9.3).</summary>
    public ReadOnlySequence<byte> Payload { get; }

    /// <summary>CONNACK: the Session Present flag (§3.2.2.2).</summary>
    public bool SessionPresent => Type == MqttPacketType.ConnAck && (ByteAt(0) & 1) != 0;

    /// <summary>CONNACK: the return code (§3.2.2.3).</summary>
    public MqttConnectReturnCode ReturnCode => Type == MqttPacketType.ConnAck ? (MqttConnectReturnCode)ByteAt(1) : MqttConnectReturnCode.Accepted;

    /// <summary>PUBLISH: the topic name as a string (allocates).</summary>
    public string GetTopic() => Encoding.UTF8.GetString(Topic);

    /// <summary>PUBLISH: a copy of the application message that outlives the input buffer (allocates).</summary>
    /// <exception cref="InvalidOperationException">This is not a PUBLISH.</exception>
    public MqttMessage ToMessage()
    {
        Require(MqttPacketType.Publish);
        return new MqttMessage(GetTopic(), Payload.ToArray(), Qos, Retain);
    }

    /// <summary>SUBACK: one return code per requested filter: 0x00-0x02 the granted QoS, 0x80 failure (§3.9.3).</summary>
    /// <exception cref="InvalidOperationException">This is not a SUBACK.</exception>
    public byte[] GetSubAckReturnCodes()
    {
        Require(MqttPacketType.SubAck);
        return Payload.ToArray();
    }

    private byte ByteAt(int index)
    {
        // Not FirstSpan: a slice that starts at a segment border can have an empty first span.
        Span<byte> one = stackalloc byte[1];
        Body.Slice(index, 1).CopyTo(one);
        return one[0];
    }

    private void Require(MqttPacketType type)
    {
        if (Type != type)
        {
            throw new InvalidOperationException($"This is a {Type} packet, not {type}.");
        }
    }
}
