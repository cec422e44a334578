using System.Text;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

public class MqttClientSessionConnectTests
{
    private static readonly MqttClientOptions Appliance = new()
    {
        ClientId = "solartap-7d1028e7",
        CleanSession = false,
        KeepAliveSeconds = 30,
        UserName = "solar",
        Password = "secret",
        AvailabilityTopic = "solartap/7d1028e7/availability",
        Subscriptions = [new MqttSubscription("homeassistant/status", MqttQos.AtLeastOnce)],
    };

    [Fact]
    public void StartConnection_ApplianceOptions_WritesConnectWithOfflineWillAndCredentials()
    {
        var h = new SessionHarness(Appliance);
        h.Session.StartConnection(new System.Buffers.ArrayBufferWriter<byte>(), h.Now);
        Assert.Equal(MqttSessionState.AwaitingConnAck, h.Session.State);
        Assert.Equal("MQTT: connecting", h.Session.StatusText);

        var h2 = new SessionHarness(Appliance);
        h2.Session.StartConnection(Output(out var output), h2.Now);
        MqttConnect connect = MqttPacketReaderTests.ReadOne(output.WrittenSpan.ToArray()).ReadConnect();
        Assert.Equal(("solartap-7d1028e7", false, (ushort)30, "solar"), (connect.ClientId, connect.CleanSession, connect.KeepAliveSeconds, connect.UserName));
        Assert.Equal("secret"u8.ToArray(), connect.Password);
        Assert.Equal(new MqttMessage("solartap/7d1028e7/availability", default, MqttQos.AtLeastOnce, true), connect.Will! with { Payload = default });
        Assert.Equal("offline", Encoding.UTF8.GetString(connect.Will.Payload.Span));
    }

    [Fact]
    public void Receive_ConnAckAccepted_SubscribesAndPublishesRetainedOnlineBirth()
    {
        var h = new SessionHarness(Appliance);
        List<MqttPacket> sent = h.Connect();

        Assert.Equal(MqttSessionState.Connected, h.Session.State);
        Assert.Equal("MQTT: connected", h.Session.StatusText);
        Assert.Equal([MqttPacketType.Subscribe, MqttPacketType.Publish], sent.Select(p => p.Type));
        Assert.Equal([new MqttSubscription("homeassistant/status", MqttQos.AtLeastOnce)], sent[0].ReadSubscriptions());
        MqttMessage birth = sent[1].ToMessage();
        Assert.Equal(("solartap/7d1028e7/availability", "online", MqttQos.AtLeastOnce, true), (birth.Topic, Encoding.UTF8.GetString(birth.Payload.Span), birth.Qos, birth.Retain));
        Assert.Equal(MqttSessionEventKind.Connected, h.Events().Single().Kind);

        // The birth's PUBACK is internal: no event for the caller.
        Assert.True(h.PubAck(sent[1].PacketId));
        Assert.Equal(0, h.Session.InFlightCount);
        Assert.Empty(h.Events());
    }

    [Theory]
    [InlineData("20 02 00 04", MqttConnectReturnCode.BadUserNameOrPassword, "MQTT: authentication failed")]
    [InlineData("20 02 00 05", MqttConnectReturnCode.NotAuthorized, "MQTT: authentication failed")]
    [InlineData("20 02 00 01", MqttConnectReturnCode.UnacceptableProtocolVersion, "MQTT: refused (unacceptable protocol version)")]
    [InlineData("20 02 00 02", MqttConnectReturnCode.IdentifierRejected, "MQTT: refused (identifier rejected)")]
    [InlineData("20 02 00 03", MqttConnectReturnCode.ServerUnavailable, "MQTT: refused (server unavailable)")]
    public void Receive_ConnAckRefused_ClosesWithReasonThatSurvivesTheDisconnect(string connAck, MqttConnectReturnCode code, string status)
    {
        var h = new SessionHarness(Appliance);
        h.Session.StartConnection(Output(out _), h.Now);

        Assert.False(h.Feed(Hex.Bytes(connAck)));
        MqttSessionEvent refused = h.Events().Single();
        Assert.Equal((MqttSessionEventKind.ConnectRefused, code), (refused.Kind, refused.ReturnCode));
        Assert.Equal(MqttConnectReturnCodes.Describe(code), refused.Reason);
        Assert.Equal(status, h.Session.StatusText);
        Assert.Equal(code, h.Session.LastRefusal);
        Assert.Empty(h.Sent());

        h.Session.ConnectionLost("closed by the broker");
        Assert.Equal(status, h.Session.StatusText);
        Assert.Equal(1, h.Session.ConsecutiveFailures);
        Assert.Equal(MqttSessionState.Disconnected, h.Session.State);
    }

    [Fact]
    public void Poll_KeepAlive_PingsWhenIdleAndDiesWithoutPingResp()
    {
        var h = new SessionHarness(new MqttClientOptions { ClientId = "k", KeepAliveSeconds = 10, PingTimeout = TimeSpan.FromSeconds(5) });
        h.Connect();
        Assert.Equal(h.Now.AddSeconds(10), h.Session.NextDeadline);

        h.Now = SessionHarness.Start.AddSeconds(9.9);
        Assert.True(h.Poll());
        Assert.Empty(h.Sent());

        h.Now = SessionHarness.Start.AddSeconds(10);
        Assert.True(h.Poll());
        Assert.Equal(MqttPacketType.PingReq, h.Sent().Single().Type);
        Assert.Equal(h.Now.AddSeconds(5), h.Session.NextDeadline);

        h.Now = SessionHarness.Start.AddSeconds(12);
        Assert.True(h.Poll());
        Assert.Empty(h.Sent()); // one PINGREQ outstanding at a time

        Assert.True(h.Feed(Hex.Bytes("d0 00")));
        Assert.Equal(SessionHarness.Start.AddSeconds(20), h.Session.NextDeadline);
        h.Now = SessionHarness.Start.AddSeconds(20);
        Assert.True(h.Poll());
        Assert.Equal(MqttPacketType.PingReq, h.Sent().Single().Type);

        h.Now = SessionHarness.Start.AddSeconds(25);
        Assert.False(h.Poll());
        Assert.Equal("MQTT: connection lost (no PINGRESP in time)", h.Session.StatusText);
    }

    [Fact]
    public void Poll_TrafficSent_PostponesThePing()
    {
        var h = new SessionHarness(new MqttClientOptions { ClientId = "k", KeepAliveSeconds = 10 });
        h.Connect();
        h.Now = SessionHarness.Start.AddSeconds(6);
        h.Session.TryPublish(SessionHarness.Reading(1, MqttQos.AtMostOnce), 1);
        Assert.True(h.Poll());
        Assert.Equal(MqttPacketType.Publish, h.Sent().Single().Type);

        h.Now = SessionHarness.Start.AddSeconds(15);
        Assert.True(h.Poll());
        Assert.Empty(h.Sent());
        h.Now = SessionHarness.Start.AddSeconds(16);
        Assert.True(h.Poll());
        Assert.Equal(MqttPacketType.PingReq, h.Sent().Single().Type);
    }

    [Fact]
    public void Poll_KeepAliveZero_NeverPings()
    {
        var h = new SessionHarness(new MqttClientOptions { ClientId = "k", KeepAliveSeconds = 0 });
        h.Connect();
        Assert.Null(h.Session.NextDeadline);
        h.Now = SessionHarness.Start.AddDays(1);
        Assert.True(h.Poll());
        Assert.Empty(h.Sent());
    }

    [Fact]
    public void Poll_NoConnAck_DiesAfterConnectTimeout()
    {
        var h = new SessionHarness(new MqttClientOptions { ClientId = "k", ConnectTimeout = TimeSpan.FromSeconds(3) });
        h.Session.StartConnection(Output(out _), h.Now);
        Assert.Equal(h.Now.AddSeconds(3), h.Session.NextDeadline);
        h.Now = SessionHarness.Start.AddSeconds(2);
        Assert.True(h.Poll());
        h.Now = SessionHarness.Start.AddSeconds(3);
        Assert.False(h.Poll());
        Assert.Equal("MQTT: connection lost (no CONNACK in time)", h.Session.StatusText);
    }

    [Theory]
    [InlineData("30 05 0003 612f62")] // PUBLISH before CONNACK
    [InlineData("d0 00")]
    public void Receive_AnythingBeforeConnAck_IsAProtocolError(string hex)
    {
        var h = new SessionHarness(new MqttClientOptions { ClientId = "k" });
        h.Session.StartConnection(Output(out _), h.Now);
        Assert.False(h.Feed(Hex.Bytes(hex)));
        Assert.StartsWith("MQTT: protocol error", h.Session.StatusText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c0 00")] // PINGREQ goes client → server only
    [InlineData("20 02 00 00")] // a second CONNACK
    [InlineData("e0 00")]
    [InlineData("82 08 000a 0003 612f62 01")]
    public void Receive_ServerSendsClientPacket_IsAProtocolError(string hex)
    {
        var h = new SessionHarness(new MqttClientOptions { ClientId = "k" });
        h.Connect();
        Assert.False(h.Feed(Hex.Bytes(hex)));
    }

    [Fact]
    public void Subscribe_SubAckWithFailure_ReportsIt()
    {
        var h = new SessionHarness(new MqttClientOptions { ClientId = "k" });
        Assert.Equal(0, h.Session.Subscribe([new("a/b", MqttQos.AtLeastOnce)], Output(out _), h.Now)); // not connected: remembered
        List<MqttPacket> sent = h.Connect();
        ushort id = sent.Single().PacketId;
        h.Events();

        ushort second = h.Session.Subscribe([new("c/#", MqttQos.AtMostOnce)], Output(out var output), h.Now);
        Assert.NotEqual(id, second);
        Assert.NotEqual(0, second);
        Assert.True(output.WrittenCount > 0);

        var subAck = new System.Buffers.ArrayBufferWriter<byte>();
        MqttPacketWriter.WriteSubAck(subAck, id, [0x80]);
        Assert.True(h.Feed(subAck.WrittenSpan.ToArray()));
        MqttSessionEvent e = h.Events().Single();
        Assert.Equal((MqttSessionEventKind.SubscribeAcknowledged, id, true), (e.Kind, e.PacketId, e.SubscribeFailed));

        ushort unsubscribe = h.Session.Unsubscribe(["c/#"], Output(out _), h.Now);
        Assert.True(h.Feed(SessionHarness.Ack(MqttPacketType.UnsubAck, unsubscribe)));
        Assert.Equal(MqttSessionEventKind.UnsubscribeAcknowledged, h.Events().Single().Kind);
    }

    [Fact]
    public void Receive_IncomingPublishes_DeliveredAndAcknowledgedPerQos()
    {
        var h = new SessionHarness(new MqttClientOptions { ClientId = "k" });
        h.Connect();
        h.Events();

        Assert.True(h.Feed(Hex.Bytes("30 1c 0014 686f6d65617373697374616e742f737461747573 6f6e6c696e65")));
        MqttSessionEvent online = h.Events().Single();
        Assert.Equal(("homeassistant/status", "online"), (online.Message!.Topic, Encoding.UTF8.GetString(online.Message.Payload.Span)));
        Assert.Empty(h.Sent());

        Assert.True(h.Feed(MqttVectors.PublishQos1DupRetain));
        Assert.Single(h.Events());
        Assert.Equal(Hex.Of(MqttVectors.PubAck), Hex.Of(Bytes(h.Sent().Single())));

        // QoS 2, method B: deliver once, PUBREC each time, PUBCOMP on PUBREL.
        Assert.True(h.Feed(MqttVectors.PublishQos2Empty));
        Assert.True(h.Feed(MqttVectors.PublishQos2Empty));
        Assert.Single(h.Events());
        Assert.Equal([MqttPacketType.PubRec, MqttPacketType.PubRec], h.Sent().Select(p => p.Type));
        Assert.True(h.Feed(MqttVectors.PubRel));
        Assert.Equal(Hex.Of(MqttVectors.PubComp), Hex.Of(Bytes(h.Sent().Single())));
        Assert.True(h.Feed(MqttVectors.PublishQos2Empty));
        Assert.Single(h.Events()); // a new message with the released id
    }

    [Fact]
    public void Options_Invalid_ListEveryProblem()
    {
        var bad = new MqttClientOptions
        {
            ClientId = "",
            CleanSession = false,
            Password = "x",
            AvailabilityTopic = null,
            Birth = new MqttMessage("a/+", default),
            Subscriptions = [new("a/#/b", MqttQos.AtMostOnce)],
            MaxInFlight = 0,
            Backoff = new MqttBackoff { Multiplier = 0.5 },
        };
        IReadOnlyList<string> problems = bad.Validate();
        Assert.Equal(6, problems.Count);
        Assert.Throws<ArgumentException>(() => new MqttClientSession(bad));
        Assert.Single(new MqttClientOptions { AvailabilityTopic = "a/#" }.Validate());
        Assert.Empty(Appliance.Validate());
    }

    private static System.Buffers.ArrayBufferWriter<byte> Output(out System.Buffers.ArrayBufferWriter<byte> output) => output = new();

    private static byte[] Bytes(MqttPacket packet)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        MqttPacketWriter.WriteAck(output, packet.Type, packet.PacketId);
        return output.WrittenSpan.ToArray();
    }
}
