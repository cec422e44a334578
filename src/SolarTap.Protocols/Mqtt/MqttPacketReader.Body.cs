using System.Buffers;
using System.Text;

namespace SolarTap.Protocols.Mqtt;

/// <summary>Checks of the variable header and payload of each packet type.</summary>
public sealed partial class MqttPacketReader
{
    /// <summary>
    /// PUBLISH (§3.3), flags DUP (bit 3), QoS (bits 2-1), RETAIN (bit 0):
    /// <code>
    ///  topic name    2-byte length + UTF-8 (§3.3.2.1), no wildcards
    ///  packet id     2 bytes, only when QoS is 1 or 2 (§3.3.2.2)
    ///  payload       the rest (§3.3.3), may be empty
    /// </code>
    /// </summary>
    private static MqttReadError ParsePublish(byte flags, ReadOnlySequence<byte> body, ReadOnlySpan<byte> span, out MqttPacket packet)
    {
        packet = default;
        var fields = new MqttFieldReader(span);
        if (!fields.TryReadPrefixed(out ReadOnlySpan<byte> topic))
        {
            return MqttReadError.InvalidLength;
        }

        if (!MqttText.IsValid(topic))
        {
            return MqttReadError.InvalidString; // [MQTT-1.5.3-1], [MQTT-1.5.3-2]
        }

        if (!MqttTopic.IsValidName(topic))
        {
            return MqttReadError.InvalidTopic; // [MQTT-3.3.2-2], [MQTT-4.7.3-1]
        }

        ushort id = 0;
        if ((flags & 0b0110) != 0)
        {
            if (!fields.TryReadUInt16(out id))
            {
                return MqttReadError.InvalidLength;
            }

            if (id == 0)
            {
                return MqttReadError.ZeroPacketId; // [MQTT-2.3.1-1]
            }
        }

        packet = new MqttPacket(MqttPacketType.Publish, flags, body, id, body.Slice(2, topic.Length), body.Slice(fields.Position));
        return MqttReadError.None;
    }

    /// <summary>
    /// CONNECT (§3.1):
    /// <code>
    ///  protocol name  00 04 'M' 'Q' 'T' 'T'                      §3.1.2.1
    ///  protocol level 04                                         §3.1.2.2
    ///  connect flags  bit 7 user name, 6 password, 5 will retain,
    ///                 4-3 will QoS, 2 will flag, 1 clean session,
    ///                 0 reserved (must be 0)                     §3.1.2.3
    ///  keep alive     2 bytes, seconds                           §3.1.2.10
    ///  payload        client id, [will topic, will message], [user name], [password]   §3.1.3
    /// </code>
    /// The protocol level is reported, not enforced: a server answers another level with CONNACK 1.
    /// </summary>
    internal static MqttReadError ParseConnect(ReadOnlySpan<byte> span, bool materialize, out MqttConnect? connect)
    {
        connect = null;
        var fields = new MqttFieldReader(span);
        if (!fields.TryReadPrefixed(out ReadOnlySpan<byte> name) || !fields.TryReadByte(out byte level)
            || !fields.TryReadByte(out byte flags) || !fields.TryReadUInt16(out ushort keepAlive))
        {
            return MqttReadError.InvalidLength;
        }

        if (!name.SequenceEqual("MQTT"u8))
        {
            return MqttReadError.InvalidConnect; // [MQTT-3.1.2-1]
        }

        bool user = (flags & 0x80) != 0;
        bool password = (flags & 0x40) != 0;
        bool willRetain = (flags & 0x20) != 0;
        int willQos = (flags >> 3) & 0b11;
        bool will = (flags & 0x04) != 0;
        if ((flags & 0x01) != 0 || (!will && (willRetain || willQos != 0)) || (password && !user))
        {
            return MqttReadError.InvalidConnect; // [MQTT-3.1.2-3], [MQTT-3.1.2-11], [MQTT-3.1.2-13], [MQTT-3.1.2-22]
        }

        if (willQos == 3)
        {
            return MqttReadError.InvalidQos; // [MQTT-3.1.2-14]
        }

        ReadOnlySpan<byte> willTopic = default, willMessage = default, userName = default, secret = default;
        if (!fields.TryReadPrefixed(out ReadOnlySpan<byte> clientId)
            || (will && (!fields.TryReadPrefixed(out willTopic) || !fields.TryReadPrefixed(out willMessage)))
            || (user && !fields.TryReadPrefixed(out userName))
            || (password && !fields.TryReadPrefixed(out secret))
            || fields.Remaining != 0)
        {
            return MqttReadError.InvalidLength;
        }

        if (!MqttText.IsValid(clientId) || (will && !MqttText.IsValid(willTopic)) || (user && !MqttText.IsValid(userName)))
        {
            return MqttReadError.InvalidString; // [MQTT-3.1.3-4], [MQTT-3.1.3-10], [MQTT-3.1.3-11]
        }

        if (will && !MqttTopic.IsValidName(willTopic))
        {
            return MqttReadError.InvalidTopic;
        }

        if (materialize)
        {
            connect = new MqttConnect
            {
                ClientId = Encoding.UTF8.GetString(clientId),
                CleanSession = (flags & 0x02) != 0,
                KeepAliveSeconds = keepAlive,
                Will = will ? new MqttMessage(Encoding.UTF8.GetString(willTopic), willMessage.ToArray(), (MqttQos)willQos, willRetain) : null,
                UserName = user ? Encoding.UTF8.GetString(userName) : null,
                Password = password ? secret.ToArray() : null,
                ProtocolLevel = level,
            };
        }

        return MqttReadError.None;
    }

    // §3.8.3 SUBSCRIBE payload: one or more (topic filter, requested QoS byte); QoS bits 7-2 reserved 0 [MQTT-3-8.3-4].
    private static MqttReadError ParseSubscribe(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return MqttReadError.EmptyPayload; // [MQTT-3.8.3-3]
        }

        var fields = new MqttFieldReader(payload);
        while (fields.Remaining > 0)
        {
            if (!fields.TryReadPrefixed(out ReadOnlySpan<byte> filter) || !fields.TryReadByte(out byte qos))
            {
                return MqttReadError.InvalidLength;
            }

            MqttReadError error = CheckFilter(filter);
            if (error != MqttReadError.None)
            {
                return error;
            }

            if (qos > 2)
            {
                return MqttReadError.InvalidQos;
            }
        }

        return MqttReadError.None;
    }

    // §3.9.3 SUBACK payload: one return code per filter: 0x00, 0x01, 0x02 (granted QoS) or 0x80 (failure).
    private static MqttReadError ParseSubAck(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return MqttReadError.EmptyPayload;
        }

        foreach (byte code in payload)
        {
            if (code is not (0x00 or 0x01 or 0x02 or 0x80))
            {
                return MqttReadError.InvalidReturnCode; // [MQTT-3.9.3-2]
            }
        }

        return MqttReadError.None;
    }

    // §3.10.3 UNSUBSCRIBE payload: one or more topic filters.
    private static MqttReadError ParseUnsubscribe(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return MqttReadError.EmptyPayload; // [MQTT-3.10.3-2]
        }

        var fields = new MqttFieldReader(payload);
        while (fields.Remaining > 0)
        {
            if (!fields.TryReadPrefixed(out ReadOnlySpan<byte> filter))
            {
                return MqttReadError.InvalidLength;
            }

            MqttReadError error = CheckFilter(filter);
            if (error != MqttReadError.None)
            {
                return error;
            }
        }

        return MqttReadError.None;
    }

    private static MqttReadError CheckFilter(ReadOnlySpan<byte> filter) =>
        !MqttText.IsValid(filter) ? MqttReadError.InvalidString
        : !MqttTopic.IsValidFilter(filter) ? MqttReadError.InvalidTopic
        : MqttReadError.None;
}
