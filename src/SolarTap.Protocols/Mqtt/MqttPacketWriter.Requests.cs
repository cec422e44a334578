using System.Buffers;
using System.Buffers.Binary;

namespace SolarTap.Protocols.Mqtt;

/// <summary>CONNECT, SUBSCRIBE, SUBACK and UNSUBSCRIBE: written once per connection, so they may measure strings twice.</summary>
public static partial class MqttPacketWriter
{
    private static readonly SearchValues<byte> SubAckCodes = SearchValues.Create([0x00, 0x01, 0x02, 0x80]);

    /// <summary>
    /// CONNECT (§3.1): <c>0x10</c>, Remaining Length, then
    /// <code>
    ///  00 04 'M' 'Q' 'T' 'T'  04  flags  keep-alive(2)  client id  [will topic  will message]  [user name]  [password]
    /// </code>
    /// flags: bit 7 user name, 6 password, 5 will retain, 4-3 will QoS, 2 will flag, 1 clean session, 0 reserved (§3.1.2.3).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="connect"/> does not validate (<see cref="MqttConnect.Validate"/>).</exception>
    public static int WriteConnect(IBufferWriter<byte> output, MqttConnect connect)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(connect);
        IReadOnlyList<string> problems = connect.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(connect));
        }

        int remaining = 10 + 2 + MqttText.ByteCount(connect.ClientId);
        int flags = connect.CleanSession ? 0x02 : 0;
        if (connect.Will is { } will)
        {
            remaining += 2 + MqttText.ByteCount(will.Topic) + 2 + will.Payload.Length;
            flags |= 0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0);
        }

        if (connect.UserName is { } user)
        {
            remaining += 2 + MqttText.ByteCount(user);
            flags |= 0x80;
        }

        if (connect.Password is { } password)
        {
            remaining += 2 + password.Length;
            flags |= 0x40;
        }

        int size = MqttWire.PacketSize(remaining);
        Span<byte> span = output.GetSpan(size);
        int at = WriteFixedHeader(span, MqttPacketType.Connect, 0, remaining);
        at += MqttText.WriteBinary(span[at..], "MQTT"u8); // §3.1.2.1
        span[at++] = MqttWire.ProtocolLevel;            // §3.1.2.2
        span[at++] = (byte)flags;                       // §3.1.2.3
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], connect.KeepAliveSeconds); // §3.1.2.10
        at += 2;
        at += MqttText.Write(span[at..], connect.ClientId); // §3.1.3.1
        if (connect.Will is { } w)
        {
            at += MqttText.Write(span[at..], w.Topic);          // §3.1.3.2
            at += MqttText.WriteBinary(span[at..], w.Payload.Span); // §3.1.3.3
        }

        if (connect.UserName is { } u)
        {
            at += MqttText.Write(span[at..], u); // §3.1.3.4
        }

        if (connect.Password is { } p)
        {
            at += MqttText.WriteBinary(span[at..], p); // §3.1.3.5
        }

        output.Advance(at);
        return at;
    }

    /// <summary>
    /// SUBSCRIBE (§3.8): <c>0x82</c>, Remaining Length, packet id, then per filter: 2-byte length, UTF-8, requested QoS.
    /// </summary>
    /// <exception cref="ArgumentException">No filters, an invalid filter or QoS, or packet id 0.</exception>
    public static int WriteSubscribe(IBufferWriter<byte> output, ushort packetId, IReadOnlyList<MqttSubscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(subscriptions);
        RequireId(packetId);
        if (subscriptions.Count == 0)
        {
            throw new ArgumentException("SUBSCRIBE needs at least one filter [MQTT-3.8.3-3].", nameof(subscriptions));
        }

        int remaining = 2;
        foreach (MqttSubscription subscription in subscriptions)
        {
            remaining += FilterSize(subscription.Filter) + 1;
            if (subscription.Qos > MqttQos.ExactlyOnce)
            {
                throw new ArgumentException("A requested QoS is 0, 1 or 2 [MQTT-3-8.3-4].", nameof(subscriptions));
            }
        }

        Span<byte> span = output.GetSpan(MqttWire.PacketSize(remaining));
        int at = WriteFixedHeader(span, MqttPacketType.Subscribe, MqttWire.ReservedFlagsOne, remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], packetId);
        at += 2;
        foreach (MqttSubscription subscription in subscriptions)
        {
            at += MqttText.Write(span[at..], subscription.Filter);
            span[at++] = (byte)subscription.Qos;
        }

        output.Advance(at);
        return at;
    }

    /// <summary>UNSUBSCRIBE (§3.10): <c>0xA2</c>, Remaining Length, packet id, then the filters as strings.</summary>
    /// <exception cref="ArgumentException">No filters, an invalid filter, or packet id 0.</exception>
    public static int WriteUnsubscribe(IBufferWriter<byte> output, ushort packetId, IReadOnlyList<string> filters)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(filters);
        RequireId(packetId);
        if (filters.Count == 0)
        {
            throw new ArgumentException("UNSUBSCRIBE needs at least one filter [MQTT-3.10.3-2].", nameof(filters));
        }

        int remaining = 2 + filters.Sum(FilterSize);
        Span<byte> span = output.GetSpan(MqttWire.PacketSize(remaining));
        int at = WriteFixedHeader(span, MqttPacketType.Unsubscribe, MqttWire.ReservedFlagsOne, remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], packetId);
        at += 2;
        foreach (string filter in filters)
        {
            at += MqttText.Write(span[at..], filter);
        }

        output.Advance(at);
        return at;
    }

    /// <summary>SUBACK (§3.9): <c>0x90</c>, Remaining Length, packet id, one return code per filter (0-2 or 0x80).</summary>
    /// <exception cref="ArgumentException">No codes, a code outside 0x00-0x02/0x80, or packet id 0.</exception>
    public static int WriteSubAck(IBufferWriter<byte> output, ushort packetId, ReadOnlySpan<byte> returnCodes)
    {
        ArgumentNullException.ThrowIfNull(output);
        RequireId(packetId);
        if (returnCodes.IsEmpty || returnCodes.IndexOfAnyExcept(SubAckCodes) >= 0)
        {
            throw new ArgumentException("SUBACK return codes are 0x00, 0x01, 0x02 or 0x80 (§3.9.3).", nameof(returnCodes));
        }

        int remaining = 2 + returnCodes.Length;
        Span<byte> span = output.GetSpan(MqttWire.PacketSize(remaining));
        int at = WriteFixedHeader(span, MqttPacketType.SubAck, 0, remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], packetId);
        at += 2;
        returnCodes.CopyTo(span[at..]);
        at += returnCodes.Length;
        output.Advance(at);
        return at;
    }

    private static int FilterSize(string filter)
    {
        if (!MqttTopic.IsValidFilter(filter))
        {
            throw new ArgumentException($"'{filter}' is not a valid topic filter (§4.7.1).", nameof(filter));
        }

        return 2 + MqttText.ByteCount(filter);
    }
}
