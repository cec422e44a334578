using System.Buffers;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

public class MqttPacketWriterTests
{
    [Fact]
    public void WriteConnect_FullOptions_MatchesTheHandWrittenVector()
    {
        var connect = new MqttConnect
        {
            ClientId = "solartap",
            KeepAliveSeconds = 60,
            Will = new MqttMessage("solartap/status", "offline"u8.ToArray(), MqttQos.AtLeastOnce, Retain: true),
            UserName = "user",
            Password = "pw"u8.ToArray(),
        };

        Assert.Equal(Hex.Of(MqttVectors.ConnectFull), Written(o => MqttPacketWriter.WriteConnect(o, connect)));
    }

    [Fact]
    public void WriteConnect_Minimal_MatchesTheHandWrittenVector() =>
        Assert.Equal(Hex.Of(MqttVectors.ConnectMinimal), Written(o => MqttPacketWriter.WriteConnect(o, new MqttConnect { ClientId = "a", KeepAliveSeconds = 0 })));

    [Fact]
    public void WriteConnect_InvalidFields_ThrowsWithEveryProblem()
    {
        var bad = new MqttConnect { ClientId = "", CleanSession = false, Password = new byte[1], Will = new MqttMessage("a/#", default) };
        var error = Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteConnect(new ArrayBufferWriter<byte>(), bad));
        Assert.Contains("MQTT-3.1.3-7", error.Message, StringComparison.Ordinal);
        Assert.Contains("MQTT-3.1.2-22", error.Message, StringComparison.Ordinal);
        Assert.Contains("will topic", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, bad.Validate().Count);
    }

    [Fact]
    public void IsPortableClientId_FollowsMqtt3135()
    {
        Assert.True(MqttConnect.IsPortableClientId("solartap7d1028e7"));
        Assert.False(MqttConnect.IsPortableClientId("solartap-7d1028e7"));
        Assert.False(MqttConnect.IsPortableClientId(new string('a', 24)));
        Assert.False(MqttConnect.IsPortableClientId(""));
    }

    [Fact]
    public void WritePublish_EachQos_MatchesTheHandWrittenVectors()
    {
        Assert.Equal(Hex.Of(MqttVectors.PublishQos0), Written(o => MqttPacketWriter.WritePublish(o, "a/b", "hi"u8, MqttQos.AtMostOnce, false, false, 0)));
        Assert.Equal(Hex.Of(MqttVectors.PublishQos1DupRetain), Written(o => MqttPacketWriter.WritePublish(o, "a/b", "hi"u8, MqttQos.AtLeastOnce, true, true, 10)));
        Assert.Equal(Hex.Of(MqttVectors.PublishQos2Empty), Written(o => MqttPacketWriter.WritePublish(o, "a/b", default, MqttQos.ExactlyOnce, false, false, 10)));
        Assert.Equal(MqttVectors.PublishQos1DupRetain.Length, MqttPacketWriter.GetPublishSize("a/b", 2, MqttQos.AtLeastOnce));
    }

    [Fact]
    public void WritePublish_IntoASpan_WritesExactlyTheSize()
    {
        var span = new byte[64];
        int written = MqttPacketWriter.WritePublish(span, "a/b", "hi"u8, MqttQos.AtMostOnce, false, false, 0);
        Assert.Equal(Hex.Of(MqttVectors.PublishQos0), Hex.Of(span.AsSpan(0, written)));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WritePublish(new byte[8], "a/b", "hi"u8, MqttQos.AtMostOnce, false, false, 0));
    }

    [Theory]
    [InlineData("a/+", MqttQos.AtMostOnce, false, 0)]
    [InlineData("", MqttQos.AtMostOnce, false, 0)]
    [InlineData("a", MqttQos.AtMostOnce, false, 1)] // QoS 0 carries no id
    [InlineData("a", MqttQos.AtMostOnce, true, 0)] // DUP only with QoS > 0 [MQTT-3.3.1-2]
    [InlineData("a", MqttQos.AtLeastOnce, false, 0)] // QoS 1 needs an id
    [InlineData("a", (MqttQos)3, false, 1)]
    public void WritePublish_InvalidArguments_Throw(string topic, MqttQos qos, bool dup, int id) =>
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketWriter.WritePublish(new ArrayBufferWriter<byte>(), topic, "x"u8, qos, false, dup, (ushort)id));

    [Fact]
    public void WriteAcksAndEmptyPackets_MatchTheVectors()
    {
        Assert.Equal(Hex.Of(MqttVectors.PubAck), Written(o => MqttPacketWriter.WriteAck(o, MqttPacketType.PubAck, 10)));
        Assert.Equal(Hex.Of(MqttVectors.PubRec), Written(o => MqttPacketWriter.WriteAck(o, MqttPacketType.PubRec, 10)));
        Assert.Equal(Hex.Of(MqttVectors.PubRel), Written(o => MqttPacketWriter.WriteAck(o, MqttPacketType.PubRel, 10)));
        Assert.Equal(Hex.Of(MqttVectors.PubComp), Written(o => MqttPacketWriter.WriteAck(o, MqttPacketType.PubComp, 10)));
        Assert.Equal(Hex.Of(MqttVectors.UnsubAck), Written(o => MqttPacketWriter.WriteAck(o, MqttPacketType.UnsubAck, 10)));
        Assert.Equal(Hex.Of(MqttVectors.PingReq), Written(o => MqttPacketWriter.WriteEmpty(o, MqttPacketType.PingReq)));
        Assert.Equal(Hex.Of(MqttVectors.PingResp), Written(o => MqttPacketWriter.WriteEmpty(o, MqttPacketType.PingResp)));
        Assert.Equal(Hex.Of(MqttVectors.Disconnect), Written(o => MqttPacketWriter.WriteEmpty(o, MqttPacketType.Disconnect)));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteAck(new byte[4], MqttPacketType.PubAck, 0));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteAck(new byte[4], MqttPacketType.Publish, 1));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteEmpty(new byte[2], MqttPacketType.ConnAck));
    }

    [Fact]
    public void WriteConnAck_MatchesTheVectors()
    {
        var span = new byte[4];
        MqttPacketWriter.WriteConnAck(span, sessionPresent: true, MqttConnectReturnCode.Accepted);
        Assert.Equal(Hex.Of(MqttVectors.ConnAckSessionPresent), Hex.Of(span));
        MqttPacketWriter.WriteConnAck(span, sessionPresent: false, MqttConnectReturnCode.BadUserNameOrPassword);
        Assert.Equal(Hex.Of(MqttVectors.ConnAckBadCredentials), Hex.Of(span));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteConnAck(span, true, MqttConnectReturnCode.NotAuthorized)); // [MQTT-3.2.2-4]
    }

    [Fact]
    public void WriteSubscribeSubAckUnsubscribe_MatchTheSpecExamples()
    {
        Assert.Equal(Hex.Of(MqttVectors.Subscribe), Written(o => MqttPacketWriter.WriteSubscribe(o, 10, [new("a/b", MqttQos.AtLeastOnce), new("c/d", MqttQos.ExactlyOnce)])));
        Assert.Equal(Hex.Of(MqttVectors.SubAck), Written(o => MqttPacketWriter.WriteSubAck(o, 10, [0x00, 0x02, 0x80])));
        Assert.Equal(Hex.Of(MqttVectors.Unsubscribe), Written(o => MqttPacketWriter.WriteUnsubscribe(o, 10, ["a/b", "c/d"])));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteSubscribe(new ArrayBufferWriter<byte>(), 10, []));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteSubscribe(new ArrayBufferWriter<byte>(), 10, [new("a/#/b", MqttQos.AtMostOnce)]));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteSubAck(new ArrayBufferWriter<byte>(), 10, [0x03]));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteUnsubscribe(new ArrayBufferWriter<byte>(), 0, ["a"]));
    }

    [Fact]
    public void WritePublish_RemainingLengthSizes_ReadBack()
    {
        foreach (int payload in new[] { 0, 124, 125, 16_380, 16_381, 2_097_148, 2_097_149 })
        {
            var output = new ArrayBufferWriter<byte>();
            int written = MqttPacketWriter.WritePublish(output, "a", new byte[payload], MqttQos.AtMostOnce, false, false, 0);
            Assert.Equal(MqttPacketWriter.GetPublishSize("a", payload, MqttQos.AtMostOnce), written);
            MqttPacket packet = MqttPacketReaderTests.ReadOne(output.WrittenSpan.ToArray(), maxPacketSize: 4 << 20);
            Assert.Equal(payload, packet.Payload.Length);
        }
    }

    private static string Written(Func<IBufferWriter<byte>, int> write)
    {
        var output = new ArrayBufferWriter<byte>();
        int count = write(output);
        Assert.Equal(output.WrittenCount, count);
        return Hex.Of(output.WrittenSpan);
    }
}
