using System.Buffers;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

/// <summary>Writes a packet that was read back out through <see cref="MqttPacketWriter"/>, to check the two agree.</summary>
internal static class MqttRewriter
{
    /// <summary>The written bytes, or null for a CONNECT of another protocol level (the writer only writes 4).</summary>
    public static byte[]? Rewrite(MqttPacket packet)
    {
        var output = new ArrayBufferWriter<byte>();
        switch (packet.Type)
        {
            case MqttPacketType.Connect:
                MqttConnect connect = packet.ReadConnect();
                if (connect.ProtocolLevel != MqttWire.ProtocolLevel || (connect.ClientId.Length == 0 && !connect.CleanSession))
                {
                    return null;
                }

                MqttPacketWriter.WriteConnect(output, connect);
                break;
            case MqttPacketType.ConnAck:
                var span = new byte[MqttPacketWriter.AckSize];
                if (packet.SessionPresent && packet.ReturnCode != MqttConnectReturnCode.Accepted)
                {
                    return null; // a server must not send this [MQTT-3.2.2-4], but a client can read it
                }

                MqttPacketWriter.WriteConnAck(span, packet.SessionPresent, packet.ReturnCode);
                return span;
            case MqttPacketType.Publish:
                if (packet.Qos == MqttQos.AtMostOnce && packet.Duplicate)
                {
                    return null; // DUP with QoS 0 is readable but never written [MQTT-3.3.1-2]
                }

                MqttPacketWriter.WritePublish(output, packet.GetTopic(), packet.Payload.ToArray(), packet.Qos, packet.Retain, packet.Duplicate, packet.PacketId);
                break;
            case MqttPacketType.Subscribe:
                MqttPacketWriter.WriteSubscribe(output, packet.PacketId, packet.ReadSubscriptions());
                break;
            case MqttPacketType.SubAck:
                MqttPacketWriter.WriteSubAck(output, packet.PacketId, packet.GetSubAckReturnCodes());
                break;
            case MqttPacketType.Unsubscribe:
                MqttPacketWriter.WriteUnsubscribe(output, packet.PacketId, packet.ReadTopicFilters());
                break;
            case MqttPacketType.PingReq or MqttPacketType.PingResp or MqttPacketType.Disconnect:
                MqttPacketWriter.WriteEmpty(output, packet.Type);
                break;
            default:
                MqttPacketWriter.WriteAck(output, packet.Type, packet.PacketId);
                break;
        }

        return output.WrittenSpan.ToArray();
    }
}
