using System.Buffers;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

public class MqttClientSessionPublishTests
{
    private static MqttClientOptions Options(bool cleanSession, int maxInFlight = 4, int maxQueued = 100) => new()
    {
        ClientId = "solartap",
        CleanSession = cleanSession,
        MaxInFlight = maxInFlight,
        MaxQueued = maxQueued,
        KeepAliveSeconds = 0,
    };

    [Fact]
    public void TryPublish_Qos1_LimitsInFlightAndAcknowledgesEachTokenOnlyAfterPubAck()
    {
        var h = new SessionHarness(Options(cleanSession: true));
        h.Connect();
        h.Events();
        for (int i = 1; i <= 10; i++)
        {
            Assert.True(h.Session.TryPublish(SessionHarness.Reading(i), 100 + i));
        }

        Assert.True(h.Poll());
        List<MqttPacket> first = h.Sent();
        Assert.Equal(4, first.Count);
        Assert.Equal((4, 6), (h.Session.InFlightCount, h.Session.QueuedCount));
        Assert.All(first, p => Assert.Equal((MqttQos.AtLeastOnce, false), (p.Qos, p.Duplicate)));
        Assert.Equal(4, first.Select(p => p.PacketId).Distinct().Count());
        Assert.Empty(h.Acknowledged());

        // Out of order and an unknown id: each PUBACK frees exactly its slot.
        Assert.True(h.PubAck(first[2].PacketId));
        Assert.True(h.PubAck(999));
        Assert.Equal([103L], h.Acknowledged());
        Assert.Equal("solartap/inverter/5", h.Sent().Single().GetTopic());

        Assert.True(h.PubAck(first[2].PacketId)); // a duplicate PUBACK changes nothing
        Assert.Empty(h.Acknowledged());
        Assert.Equal(4, h.Session.InFlightCount);
    }

    [Fact]
    public void TryPublish_Qos0_IsSentWhenConnectedAndReportedAsSent()
    {
        var h = new SessionHarness(Options(cleanSession: true, maxInFlight: 1));
        Assert.True(h.Session.TryPublish(SessionHarness.Reading(1, MqttQos.AtMostOnce), 7));
        Assert.True(h.Poll());
        Assert.Empty(h.Sent()); // not connected: stays queued

        List<MqttPacket> sent = h.Connect();
        Assert.Equal((MqttQos.AtMostOnce, (ushort)0), (sent.Single().Qos, sent.Single().PacketId));
        MqttSessionEvent e = h.Events().Single(x => x.Kind == MqttSessionEventKind.PublishSent);
        Assert.Equal(7, e.Token);
    }

    [Fact]
    public void ConnectionLost_CleanSessionFalse_ResendsUnackedWithDupAndOriginalIdsInOrder()
    {
        var h = new SessionHarness(Options(cleanSession: false));
        h.Connect();
        for (int i = 1; i <= 6; i++)
        {
            h.Session.TryPublish(SessionHarness.Reading(i), i);
        }

        h.Poll();
        List<MqttPacket> before = h.Sent();
        Assert.True(h.PubAck(before[0].PacketId));
        Assert.Equal([1L], h.Acknowledged());
        h.Sent(); // message 5 took the freed slot
        h.Events();

        h.Session.ConnectionLost("connection reset");
        Assert.Equal("MQTT: disconnected (connection reset)", h.Session.StatusText);
        Assert.Equal(MqttSessionEventKind.ConnectionLost, h.Events().Single().Kind);
        Assert.Equal(4, h.Session.InFlightCount);

        h.Now = h.Now.AddSeconds(5);
        List<MqttPacket> resent = h.Connect(sessionPresent: true);
        Assert.Equal(["solartap/inverter/2", "solartap/inverter/3", "solartap/inverter/4", "solartap/inverter/5"], resent.Take(4).Select(p => p.GetTopic()));
        Assert.All(resent.Take(4), p => Assert.True(p.Duplicate));
        Assert.Equal(before.Skip(1).Select(p => p.PacketId).Take(3), resent.Take(3).Select(p => p.PacketId));
        Assert.Equal(4, resent.Count); // message 6 waits: all four slots are taken

        foreach (MqttPacket p in resent)
        {
            Assert.True(h.PubAck(p.PacketId));
        }

        Assert.Equal([2L, 3, 4, 5], h.Acknowledged());
        MqttPacket sixth = h.Sent().Single();
        Assert.False(sixth.Duplicate);
        Assert.True(h.PubAck(sixth.PacketId));
        Assert.Equal([6L], h.Acknowledged());
        Assert.Equal((0, 0), (h.Session.InFlightCount, h.Session.QueuedCount));
    }

    [Fact]
    public void ConnectionLost_CleanSessionTrue_RequeuesUnackedAsNewMessagesFirst()
    {
        var h = new SessionHarness(Options(cleanSession: true, maxInFlight: 2) with { AvailabilityTopic = "st/availability" });
        List<MqttPacket> birth = h.Connect();
        h.Session.TryPublish(SessionHarness.Reading(1), 1);
        h.Session.TryPublish(SessionHarness.Reading(2), 2);
        h.Session.TryPublish(SessionHarness.Reading(3), 3);
        h.Poll();
        Assert.Equal(["solartap/inverter/1"], h.Sent().Select(p => p.GetTopic())); // the birth holds the other slot
        h.Session.ConnectionLost("broker restarted");

        List<MqttPacket> after = h.Connect(sessionPresent: false);
        Assert.Equal(["st/availability", "solartap/inverter/1"], after.Select(p => p.GetTopic()));
        Assert.All(after, p => Assert.False(p.Duplicate));
        Assert.Equal(2, h.Session.InFlightCount); // the old birth was dropped, a new one sent
        Assert.Equal(2, h.Session.QueuedCount);
        Assert.Single(birth);
    }

    [Fact]
    public void Poll_NoPubAck_DiesAfterAckTimeout()
    {
        var h = new SessionHarness(Options(cleanSession: false) with { AckTimeout = TimeSpan.FromSeconds(20) });
        h.Connect();
        h.Session.TryPublish(SessionHarness.Reading(1), 1);
        h.Poll();
        Assert.Equal(h.Now.AddSeconds(20), h.Session.NextDeadline);
        h.Now = h.Now.AddSeconds(20);
        Assert.False(h.Poll());
        Assert.Equal("MQTT: connection lost (no PUBACK in time)", h.Session.StatusText);
        h.Session.ConnectionLost("declared dead");
        Assert.Equal("MQTT: connection lost (no PUBACK in time)", h.Session.StatusText);
        Assert.Equal(1, h.Session.InFlightCount);
    }

    [Fact]
    public void TryPublish_QueueFull_Refuses()
    {
        var h = new SessionHarness(Options(cleanSession: true, maxQueued: 2));
        Assert.True(h.Session.TryPublish(SessionHarness.Reading(1), 1));
        Assert.True(h.Session.TryPublish(SessionHarness.Reading(2), 2));
        Assert.False(h.Session.TryPublish(SessionHarness.Reading(3), 3));
        Assert.Throws<ArgumentException>(() => h.Session.TryPublish(SessionHarness.Reading(4, MqttQos.ExactlyOnce), 4));
        Assert.Throws<ArgumentException>(() => h.Session.TryPublish(new MqttMessage("a/#", default), 5));
    }

    [Fact]
    public void PacketIds_WrapAroundSkippingIdsStillInFlight()
    {
        var h = new SessionHarness(Options(cleanSession: true, maxInFlight: 3, maxQueued: 70_000));
        h.Connect();
        h.Session.TryPublish(SessionHarness.Reading(0), 0);
        h.Poll();
        ushort held = h.Sent().Single().PacketId; // never acknowledged
        var seen = new HashSet<ushort>();
        for (int i = 1; i <= 70_000; i++)
        {
            h.Session.TryPublish(SessionHarness.Reading(i), i);
            h.Poll();
            MqttPacket p = h.Sent().Single();
            Assert.NotEqual(held, p.PacketId);
            Assert.NotEqual(0, p.PacketId);
            seen.Add(p.PacketId);
            h.PubAck(p.PacketId);
        }

        Assert.Equal(65_534, seen.Count);
        Assert.Equal(70_000, h.Acknowledged().Count);
    }

    [Fact]
    public void Disconnect_WithAvailability_PublishesOfflineThenDisconnect()
    {
        var h = new SessionHarness(Options(cleanSession: true) with { AvailabilityTopic = "st/availability" });
        h.Connect();
        h.Session.Disconnect(new System.Buffers.ArrayBufferWriter<byte>(), h.Now);

        var h2 = new SessionHarness(Options(cleanSession: true) with { AvailabilityTopic = "st/availability" });
        h2.Connect();
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        h2.Session.Disconnect(output, h2.Now);
        var reader = new MqttPacketReader();
        var buffer = new System.Buffers.ReadOnlySequence<byte>(output.WrittenMemory);
        reader.TryReadPacket(ref buffer, out MqttPacket offline);
        Assert.Equal(("st/availability", "offline", true, MqttQos.AtMostOnce), (offline.GetTopic(), System.Text.Encoding.UTF8.GetString(offline.Payload.ToArray()), offline.Retain, offline.Qos));
        reader.TryReadPacket(ref buffer, out MqttPacket disconnect);
        Assert.Equal(MqttPacketType.Disconnect, disconnect.Type);
        h2.Session.ConnectionLost("closed");
        Assert.Equal("MQTT: disconnected", h2.Session.StatusText);
    }

    [Fact]
    public void ReconnectDelay_GrowsWithFailuresAndResetsOnConnAck()
    {
        var h = new SessionHarness(Options(cleanSession: true) with { Backoff = new MqttBackoff { Initial = TimeSpan.FromSeconds(1), Maximum = TimeSpan.FromSeconds(10), JitterRatio = 0.5 } });
        var delays = new List<double>();
        for (int i = 0; i < 6; i++)
        {
            h.Session.ConnectionLost("connection refused");
            delays.Add(h.Session.ReconnectDelay(jitter: 0).TotalSeconds);
        }

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
        Assert.Equal(5, h.Session.ReconnectDelay(jitter: 1).TotalSeconds);
        h.Connect();
        h.Session.ConnectionLost("reset");
        Assert.Equal(1, h.Session.ReconnectDelay(0).TotalSeconds);
    }

    [Theory]
    [InlineData(0, 0.0, 1.0)]
    [InlineData(1, 0.0, 2.0)]
    [InlineData(3, 0.0, 8.0)]
    [InlineData(3, 0.5, 6.0)]
    [InlineData(3, 0.999_999, 4.000_002)]
    [InlineData(1000, 0.0, 120.0)]
    [InlineData(1000, 2.0, 60.0)] // jitter clamped to 1
    [InlineData(-5, 0.0, 1.0)]
    public void Backoff_Delay_ExponentialCappedAndJittered(int attempt, double jitter, double seconds) =>
        Assert.Equal(seconds, new MqttBackoff().Delay(attempt, jitter).TotalSeconds, 5);
}
