using System.Buffers;
using System.Text;

namespace SolarTap.Protocols.Mqtt;

/// <summary>Reading the packets a server receives (CONNECT, SUBSCRIBE, UNSUBSCRIBE) into objects; they allocate.</summary>
public readonly partial struct MqttPacket
{
    /// <summary>CONNECT: its fields (§3.1).</summary>
    /// <exception cref="InvalidOperationException">This is not a CONNECT read by <see cref="MqttPacketReader"/>.</exception>
    public MqttConnect ReadConnect()
    {
        Require(MqttPacketType.Connect);
        byte[] body = Body.ToArray();
        if (MqttPacketReader.ParseConnect(body, materialize: true, out MqttConnect? connect) != MqttReadError.None || connect is null)
        {
            throw new InvalidOperationException("The CONNECT body is malformed.");
        }

        return connect;
    }

    /// <summary>SUBSCRIBE: the requested filters and QoS, in order (§3.8.3).</summary>
    /// <exception cref="InvalidOperationException">This is not a SUBSCRIBE read by <see cref="MqttPacketReader"/>.</exception>
    public IReadOnlyList<MqttSubscription> ReadSubscriptions()
    {
        Require(MqttPacketType.Subscribe);
        var list = new List<MqttSubscription>();
        var fields = new MqttFieldReader(Body.ToArray());
        fields.TryReadUInt16(out _);
        while (fields.TryReadPrefixed(out ReadOnlySpan<byte> filter) && fields.TryReadByte(out byte qos))
        {
            list.Add(new MqttSubscription(Encoding.UTF8.GetString(filter), (MqttQos)qos));
        }

        return list;
    }

    /// <summary>UNSUBSCRIBE: the filters, in order (§3.10.3).</summary>
    /// <exception cref="InvalidOperationException">This is not an UNSUBSCRIBE read by <see cref="MqttPacketReader"/>.</exception>
    public IReadOnlyList<string> ReadTopicFilters()
    {
        Require(MqttPacketType.Unsubscribe);
        var list = new List<string>();
        var fields = new MqttFieldReader(Body.ToArray());
        fields.TryReadUInt16(out _);
        while (fields.TryReadPrefixed(out ReadOnlySpan<byte> filter))
        {
            list.Add(Encoding.UTF8.GetString(filter));
        }

        return list;
    }
}
