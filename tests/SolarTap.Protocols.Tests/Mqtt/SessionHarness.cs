using System.Buffers;
using System.Text;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

/// <summary>A session plus a fake clock and a broker's view of what it wrote.</summary>
internal sealed class SessionHarness
{
    private readonly ArrayBufferWriter<byte> _output = new();

    public SessionHarness(MqttClientOptions options) => Session = new MqttClientSession(options);

    public static DateTimeOffset Start { get; } = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public MqttClientSession Session { get; }

    public DateTimeOffset Now { get; set; } = Start;

    public static MqttMessage Reading(int n, MqttQos qos = MqttQos.AtLeastOnce) =>
        new($"solartap/inverter/{n}", Encoding.UTF8.GetBytes($"{{\"power\":{n}}}"), qos);

    /// <summary>Starts a connection and answers CONNACK; returns what the session wrote after CONNACK.</summary>
    public List<MqttPacket> Connect(bool sessionPresent = false)
    {
        Session.StartConnection(_output, Now);
        Assert.Equal(MqttPacketType.Connect, Sent().Single().Type);
        Assert.True(Feed(Hex.Bytes(sessionPresent ? "20 02 01 00" : "20 02 00 00")));
        return Sent();
    }

    /// <summary>Feeds server bytes; returns what Receive returned for the last packet.</summary>
    public bool Feed(byte[] bytes)
    {
        var reader = new MqttPacketReader();
        var buffer = new ReadOnlySequence<byte>(bytes);
        bool keep = true;
        while (reader.TryReadPacket(ref buffer, out MqttPacket packet) == OperationStatus.Done)
        {
            keep = Session.Receive(packet, _output, Now);
        }

        Assert.True(buffer.IsEmpty);
        return keep;
    }

    public bool PubAck(ushort id) => Feed(Ack(MqttPacketType.PubAck, id));

    public static byte[] Ack(MqttPacketType type, ushort id)
    {
        var span = new byte[4];
        MqttPacketWriter.WriteAck(span, type, id);
        return span;
    }

    public bool Poll() => Session.Poll(_output, Now);

    /// <summary>The packets written since the last call (copied, so they outlive the buffer).</summary>
    public List<MqttPacket> Sent()
    {
        byte[] bytes = _output.WrittenSpan.ToArray();
        _output.Clear();
        var reader = new MqttPacketReader();
        var buffer = new ReadOnlySequence<byte>(bytes);
        var packets = new List<MqttPacket>();
        while (reader.TryReadPacket(ref buffer, out MqttPacket packet) == OperationStatus.Done)
        {
            packets.Add(packet);
        }

        Assert.True(buffer.IsEmpty, $"unreadable output: {reader.LastError}");
        return packets;
    }

    public List<MqttSessionEvent> Events()
    {
        var events = new List<MqttSessionEvent>();
        while (Session.TryDequeueEvent(out MqttSessionEvent e))
        {
            events.Add(e);
        }

        return events;
    }

    public List<long> Acknowledged() =>
        [.. Events().Where(e => e.Kind == MqttSessionEventKind.PublishAcknowledged).Select(e => e.Token)];
}
