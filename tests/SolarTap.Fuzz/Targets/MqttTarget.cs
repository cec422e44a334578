using System.Buffers;
using SolarTap.Protocols.Mqtt;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The MQTT 3.1.1 framer, the writers and the client session on one input: every packet the framer accepts must
/// write back to the same type, flags and body, the framer must never consume more than it was given, and a
/// connected session must take every accepted packet without throwing and only write packets that read back.
/// </summary>
internal sealed class MqttTarget : IFuzzTarget
{
    private static readonly MqttClientOptions Options = new()
    {
        ClientId = "fuzz",
        CleanSession = false,
        AvailabilityTopic = "st/availability",
        Subscriptions = [new MqttSubscription("homeassistant/status", MqttQos.AtLeastOnce)],
        MaxInFlight = 4,
    };

    private static readonly DateTimeOffset Start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "mqtt";

    public IEnumerable<byte[]> Seeds()
    {
        yield return Hex.Bytes("20 02 00 00"); // CONNACK accepted
        yield return Hex.Bytes("20 02 00 04 20 02 01 00"); // refused, then a second CONNACK
        yield return Hex.Bytes("30 07 0003 612f62 6869 3b 09 0003 612f62 000a 6869 34 07 0003 612f62 000a 62 02 000a");
        yield return Hex.Bytes("40 02 0001 40 02 0002 50 02 0003 70 02 0004 90 05 000a 00 02 80 b0 02 000a d0 00");
        yield return Hex.Bytes("10 38 0004 4d515454 04 ee 003c 0008 736f6c6172746170 000f 736f6c61727461702f737461747573 0007 6f66666c696e65 0004 75736572 0002 7077");
        yield return Hex.Bytes("82 0e 000a 0003 612f62 01 0003 632f64 02 a2 0c 000a 0003 612f62 0003 632f64 c0 00 e0 00");
        yield return Hex.Bytes("30 ffffff7f 00");
    }

    public void Run(byte[] input)
    {
        var reader = new MqttPacketReader(maxPacketSize: 1 << 16);
        var session = new MqttClientSession(Options);
        var output = new ArrayBufferWriter<byte>();
        session.StartConnection(output, Start);
        session.TryPublish(new MqttMessage("st/power", "1"u8.ToArray(), MqttQos.AtLeastOnce), 1);
        session.TryPublish(new MqttMessage("st/energy", "2"u8.ToArray(), MqttQos.AtMostOnce), 2);

        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 2);
        DateTimeOffset now = Start;
        while (true)
        {
            long before = buffer.Length;
            OperationStatus status = reader.TryReadPacket(ref buffer, out MqttPacket packet);
            if (buffer.Length > before || (status != OperationStatus.Done && buffer.Length != before))
            {
                throw new InvalidOperationException("The framer consumed more than a packet or consumed on failure.");
            }

            if (status != OperationStatus.Done)
            {
                break;
            }

            CheckRewrite(packet);
            now = now.AddSeconds(7);
            if (!session.Receive(packet, output, now))
            {
                session.ConnectionLost("fuzz");
                session.StartConnection(output, now);
            }

            session.Poll(output, now);
            while (session.TryDequeueEvent(out _))
            {
            }
        }

        CheckOutput(output.WrittenMemory);
    }

    private static void CheckRewrite(in MqttPacket packet)
    {
        var output = new ArrayBufferWriter<byte>();
        switch (packet.Type)
        {
            case MqttPacketType.Publish when !(packet.Qos == MqttQos.AtMostOnce && packet.Duplicate):
                MqttPacketWriter.WritePublish(output, packet.GetTopic(), packet.Payload.ToArray(), packet.Qos, packet.Retain, packet.Duplicate, packet.PacketId);
                break;
            case MqttPacketType.Subscribe:
                MqttPacketWriter.WriteSubscribe(output, packet.PacketId, packet.ReadSubscriptions());
                break;
            case MqttPacketType.Unsubscribe:
                MqttPacketWriter.WriteUnsubscribe(output, packet.PacketId, packet.ReadTopicFilters());
                break;
            case MqttPacketType.SubAck:
                MqttPacketWriter.WriteSubAck(output, packet.PacketId, packet.GetSubAckReturnCodes());
                break;
            case MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp or MqttPacketType.UnsubAck:
                MqttPacketWriter.WriteAck(output, packet.Type, packet.PacketId);
                break;
            case MqttPacketType.Connect:
                MqttConnect connect = packet.ReadConnect();
                if (connect.ProtocolLevel == MqttWire.ProtocolLevel && (connect.ClientId.Length > 0 || connect.CleanSession))
                {
                    MqttPacketWriter.WriteConnect(output, connect);
                }

                break;
        }

        if (output.WrittenCount == 0)
        {
            return;
        }

        var again = new ReadOnlySequence<byte>(output.WrittenMemory);
        if (new MqttPacketReader().TryReadPacket(ref again, out MqttPacket reread) != OperationStatus.Done
            || reread.Type != packet.Type || reread.Flags != packet.Flags || !reread.Body.ToArray().AsSpan().SequenceEqual(packet.Body.ToArray()))
        {
            throw new InvalidOperationException($"A {packet.Type} that was read does not write back the same.");
        }
    }

    private static void CheckOutput(ReadOnlyMemory<byte> written)
    {
        var reader = new MqttPacketReader(MqttPacketReader.DefaultMaxPacketSize);
        var buffer = new ReadOnlySequence<byte>(written);
        while (!buffer.IsEmpty)
        {
            if (reader.TryReadPacket(ref buffer, out _) != OperationStatus.Done)
            {
                throw new InvalidOperationException($"The session wrote bytes that do not read back: {reader.LastError}.");
            }
        }
    }
}
