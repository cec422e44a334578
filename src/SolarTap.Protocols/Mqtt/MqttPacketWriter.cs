using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// Writes MQTT 3.1.1 control packets into caller-owned spans or an <see cref="IBufferWriter{T}"/>; nothing is
/// allocated per packet. Every method returns the bytes written. Invalid arguments (a wildcard in a topic name,
/// a packet identifier of 0 where one is required, a short span) throw <see cref="ArgumentException"/>: they are
/// programming errors, not input.
/// </summary>
public static partial class MqttPacketWriter
{
    /// <summary>The size of PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK and CONNACK: fixed header + two bytes.</summary>
    public const int AckSize = 4;

    /// <summary>The size of PINGREQ, PINGRESP and DISCONNECT: a fixed header with Remaining Length 0.</summary>
    public const int EmptySize = 2;

    /// <summary>The whole size of a PUBLISH with this topic, payload length and QoS.</summary>
    /// <exception cref="ArgumentException">The topic is not a valid topic name or the packet would be too large.</exception>
    public static int GetPublishSize(string topic, int payloadLength, MqttQos qos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        return MqttWire.PacketSize(PublishRemainingLength(TopicByteCount(topic), payloadLength, qos));
    }

    /// <summary>
    /// PUBLISH (§3.3):
    /// <code>
    ///  byte 1   0011 DUP QoS QoS RETAIN    §3.3.1
    ///  byte 2…  Remaining Length
    ///           topic name (2-byte length + UTF-8), packet id if QoS > 0, payload
    /// </code>
    /// </summary>
    /// <exception cref="ArgumentException">Invalid topic, QoS, packet id (0 with QoS &gt; 0), DUP with QoS 0, or a short <paramref name="destination"/>.</exception>
    public static int WritePublish(Span<byte> destination, string topic, ReadOnlySpan<byte> payload, MqttQos qos, bool retain, bool duplicate, ushort packetId) =>
        WritePublish(destination, topic, TopicByteCount(topic), payload, qos, retain, duplicate, packetId);

    /// <summary>PUBLISH into <paramref name="output"/>; see <see cref="WritePublish(Span{byte}, string, ReadOnlySpan{byte}, MqttQos, bool, bool, ushort)"/>.</summary>
    /// <exception cref="ArgumentException">Invalid arguments.</exception>
    public static int WritePublish(IBufferWriter<byte> output, string topic, ReadOnlySpan<byte> payload, MqttQos qos, bool retain, bool duplicate, ushort packetId)
    {
        ArgumentNullException.ThrowIfNull(output);
        int topicBytes = TopicByteCount(topic); // the topic is checked and measured once
        int size = MqttWire.PacketSize(PublishRemainingLength(topicBytes, payload.Length, qos));
        int written = WritePublish(output.GetSpan(size), topic, topicBytes, payload, qos, retain, duplicate, packetId);
        output.Advance(written);
        return written;
    }

    private static int WritePublish(Span<byte> destination, string topic, int topicBytes, ReadOnlySpan<byte> payload, MqttQos qos, bool retain, bool duplicate, ushort packetId)
    {
        if (qos > MqttQos.ExactlyOnce)
        {
            throw new ArgumentOutOfRangeException(nameof(qos), "QoS is 0, 1 or 2 [MQTT-3.3.1-4].");
        }

        if (qos == MqttQos.AtMostOnce ? packetId != 0 || duplicate : packetId == 0)
        {
            throw new ArgumentException("QoS 0 carries no packet id and no DUP [MQTT-2.3.1-5, MQTT-3.3.1-2]; QoS 1 and 2 need a non-zero id [MQTT-2.3.1-1].", nameof(packetId));
        }

        int remaining = PublishRemainingLength(topicBytes, payload.Length, qos);
        int at = WriteFixedHeader(destination, MqttPacketType.Publish, (duplicate ? 0b1000 : 0) | ((int)qos << 1) | (retain ? 1 : 0), remaining);
        BinaryPrimitives.WriteUInt16BigEndian(destination[at..], (ushort)topicBytes);
        at += 2;
        at += Encoding.UTF8.GetBytes(topic, destination[at..]);
        if (qos != MqttQos.AtMostOnce)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[at..], packetId);
            at += 2;
        }

        payload.CopyTo(destination[at..]);
        return at + payload.Length;
    }

    /// <summary>
    /// A two-byte-body packet carrying a packet identifier: PUBACK (§3.4), PUBREC (§3.5), PUBREL (§3.6, flags 0010),
    /// PUBCOMP (§3.7) or UNSUBACK (§3.11).
    /// <code>
    ///  byte 1  type &lt;&lt; 4 | flags     byte 2  0x02     byte 3-4  packet id
    /// </code>
    /// </summary>
    /// <exception cref="ArgumentException">Another type, packet id 0, or a short <paramref name="destination"/>.</exception>
    public static int WriteAck(Span<byte> destination, MqttPacketType type, ushort packetId)
    {
        if (type is not (MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp or MqttPacketType.UnsubAck))
        {
            throw new ArgumentException($"{type} is not an acknowledgment with a packet id.", nameof(type));
        }

        RequireId(packetId);
        int at = WriteFixedHeader(destination, type, type == MqttPacketType.PubRel ? MqttWire.ReservedFlagsOne : 0, 2);
        BinaryPrimitives.WriteUInt16BigEndian(destination[at..], packetId);
        return AckSize;
    }

    /// <summary>An acknowledgment into <paramref name="output"/>; see <see cref="WriteAck(Span{byte}, MqttPacketType, ushort)"/>.</summary>
    /// <exception cref="ArgumentException">Invalid arguments.</exception>
    public static int WriteAck(IBufferWriter<byte> output, MqttPacketType type, ushort packetId)
    {
        ArgumentNullException.ThrowIfNull(output);
        int written = WriteAck(output.GetSpan(AckSize), type, packetId);
        output.Advance(written);
        return written;
    }

    /// <summary>PINGREQ (§3.12), PINGRESP (§3.13) or DISCONNECT (§3.14): <c>type &lt;&lt; 4, 0x00</c>.</summary>
    /// <exception cref="ArgumentException">Another type or a short <paramref name="destination"/>.</exception>
    public static int WriteEmpty(Span<byte> destination, MqttPacketType type)
    {
        if (type is not (MqttPacketType.PingReq or MqttPacketType.PingResp or MqttPacketType.Disconnect))
        {
            throw new ArgumentException($"{type} has a body.", nameof(type));
        }

        return WriteFixedHeader(destination, type, 0, 0);
    }

    /// <summary>PINGREQ, PINGRESP or DISCONNECT into <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">Another type.</exception>
    public static int WriteEmpty(IBufferWriter<byte> output, MqttPacketType type)
    {
        ArgumentNullException.ThrowIfNull(output);
        int written = WriteEmpty(output.GetSpan(EmptySize), type);
        output.Advance(written);
        return written;
    }

    /// <summary>
    /// CONNACK (§3.2): <c>0x20 0x02, flags (bit 0 Session Present), return code</c>. Session Present must be 0 with a
    /// non-zero return code [MQTT-3.2.2-4].
    /// </summary>
    /// <exception cref="ArgumentException">Session present with a refusal, or a short <paramref name="destination"/>.</exception>
    public static int WriteConnAck(Span<byte> destination, bool sessionPresent, MqttConnectReturnCode code)
    {
        if (sessionPresent && code != MqttConnectReturnCode.Accepted)
        {
            throw new ArgumentException("Session Present must be 0 when the connection is refused [MQTT-3.2.2-4].", nameof(sessionPresent));
        }

        int at = WriteFixedHeader(destination, MqttPacketType.ConnAck, 0, 2);
        destination[at] = sessionPresent ? (byte)1 : (byte)0;
        destination[at + 1] = (byte)code;
        return AckSize;
    }

    /// <summary>Writes the fixed header (§2.2) and returns its size.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot hold the whole packet.</exception>
    internal static int WriteFixedHeader(Span<byte> destination, MqttPacketType type, int flags, int remainingLength)
    {
        int size = MqttWire.PacketSize(remainingLength);
        if (destination.Length < size)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the packet needs {size}.", nameof(destination));
        }

        destination[0] = MqttWire.FirstByte(type, flags);
        return 1 + MqttWire.WriteRemainingLength(destination[1..], remainingLength);
    }

    private static int PublishRemainingLength(int topicBytes, int payloadLength, MqttQos qos)
    {
        long remaining = 2L + topicBytes + (qos == MqttQos.AtMostOnce ? 0 : 2) + payloadLength;
        if (remaining > MqttWire.MaxRemainingLength)
        {
            throw new ArgumentException("The packet would exceed the largest Remaining Length (§2.2.3).", nameof(payloadLength));
        }

        return (int)remaining;
    }

    private static int TopicByteCount(string topic)
    {
        if (!MqttTopic.IsValidName(topic))
        {
            throw new ArgumentException($"'{topic}' is not a valid topic name (§4.7): empty, a wildcard, U+0000 or too long.", nameof(topic));
        }

        return Encoding.UTF8.GetByteCount(topic);
    }

    private static void RequireId(ushort packetId)
    {
        if (packetId == 0)
        {
            throw new ArgumentException("Packet identifiers are non-zero [MQTT-2.3.1-1].", nameof(packetId));
        }
    }
}
