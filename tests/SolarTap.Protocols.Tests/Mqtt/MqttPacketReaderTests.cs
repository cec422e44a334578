using System.Buffers;
using System.Text;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

public class MqttPacketReaderTests
{
    [Fact]
    public void TryReadPacket_ConnectFull_ReadsEveryField()
    {
        MqttPacket packet = ReadOne(MqttVectors.ConnectFull);
        MqttConnect connect = packet.ReadConnect();

        Assert.Equal(MqttPacketType.Connect, packet.Type);
        Assert.Equal("solartap", connect.ClientId);
        Assert.True(connect.CleanSession);
        Assert.Equal(60, connect.KeepAliveSeconds);
        Assert.Equal(4, connect.ProtocolLevel);
        Assert.Equal("solartap/status", connect.Will!.Topic);
        Assert.Equal("offline"u8.ToArray(), connect.Will.Payload.ToArray());
        Assert.Equal(MqttQos.AtLeastOnce, connect.Will.Qos);
        Assert.True(connect.Will.Retain);
        Assert.Equal("user", connect.UserName);
        Assert.Equal("pw"u8.ToArray(), connect.Password);
    }

    [Fact]
    public void TryReadPacket_ConnectSpecExampleHeader_Reads()
    {
        // §3.1.2.11: flags 0xCE (user, password, will QoS 1, will, clean), keep alive 10.
        byte[] connect = Hex.Bytes("10 19 0004 4d515454 04 ce 000a 0001 63 0001 74 0001 6d 0001 75 0001 70");
        MqttConnect read = ReadOne(connect).ReadConnect();
        Assert.Equal((10, "c", "t", "u"), (read.KeepAliveSeconds, read.ClientId, read.Will!.Topic, read.UserName!));
        Assert.False(read.Will.Retain);
    }

    [Fact]
    public void TryReadPacket_ConnAcks_ReadFlagsAndCodes()
    {
        MqttPacket accepted = ReadOne(MqttVectors.ConnAckAccepted);
        MqttPacket present = ReadOne(MqttVectors.ConnAckSessionPresent);
        MqttPacket refused = ReadOne(MqttVectors.ConnAckBadCredentials);

        Assert.Equal((MqttPacketType.ConnAck, false, MqttConnectReturnCode.Accepted), (accepted.Type, accepted.SessionPresent, accepted.ReturnCode));
        Assert.True(present.SessionPresent);
        Assert.Equal(MqttConnectReturnCode.BadUserNameOrPassword, refused.ReturnCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryReadPacket_ConnAckSplitAtASegmentBorder_ReadsFlagsAndCode(int cut)
    {
        var reader = new MqttPacketReader();
        ReadOnlySequence<byte> buffer = Sequences.Split(Hex.Bytes("20 02 01 00 20 02 00 05"), cut, cut + 4);
        Assert.Equal(OperationStatus.Done, reader.TryReadPacket(ref buffer, out MqttPacket first));
        Assert.Equal(OperationStatus.Done, reader.TryReadPacket(ref buffer, out MqttPacket second));
        Assert.Equal((true, MqttConnectReturnCode.Accepted), (first.SessionPresent, first.ReturnCode));
        Assert.Equal((false, MqttConnectReturnCode.NotAuthorized), (second.SessionPresent, second.ReturnCode));
    }

    [Fact]
    public void TryReadPacket_Publishes_ReadFlagsTopicIdAndPayload()
    {
        MqttPacket qos0 = ReadOne(MqttVectors.PublishQos0);
        Assert.Equal((MqttQos.AtMostOnce, false, false, (ushort)0), (qos0.Qos, qos0.Duplicate, qos0.Retain, qos0.PacketId));
        Assert.Equal("a/b", qos0.GetTopic());
        Assert.Equal("hi", Encoding.UTF8.GetString(qos0.Payload));

        MqttPacket qos1 = ReadOne(MqttVectors.PublishQos1DupRetain);
        Assert.Equal((MqttQos.AtLeastOnce, true, true, (ushort)10), (qos1.Qos, qos1.Duplicate, qos1.Retain, qos1.PacketId));
        Assert.Equal(new MqttMessage("a/b", qos1.Payload.ToArray(), MqttQos.AtLeastOnce, true) with { Payload = default }, qos1.ToMessage() with { Payload = default });

        MqttPacket qos2 = ReadOne(MqttVectors.PublishQos2Empty);
        Assert.Equal((MqttQos.ExactlyOnce, (ushort)10, 0L), (qos2.Qos, qos2.PacketId, qos2.Payload.Length));
    }

    [Theory]
    [InlineData("40 02 000a", MqttPacketType.PubAck)]
    [InlineData("50 02 000a", MqttPacketType.PubRec)]
    [InlineData("62 02 000a", MqttPacketType.PubRel)]
    [InlineData("70 02 000a", MqttPacketType.PubComp)]
    [InlineData("b0 02 000a", MqttPacketType.UnsubAck)]
    public void TryReadPacket_Acks_ReadPacketId(string hex, MqttPacketType type)
    {
        MqttPacket packet = ReadOne(Hex.Bytes(hex));
        Assert.Equal((type, (ushort)10), (packet.Type, packet.PacketId));
    }

    [Fact]
    public void TryReadPacket_SubscribeSubAckUnsubscribe_ReadPayloads()
    {
        MqttPacket subscribe = ReadOne(MqttVectors.Subscribe);
        Assert.Equal([new("a/b", MqttQos.AtLeastOnce), new("c/d", MqttQos.ExactlyOnce)], subscribe.ReadSubscriptions());

        MqttPacket subAck = ReadOne(MqttVectors.SubAck);
        Assert.Equal((ushort)10, subAck.PacketId);
        Assert.Equal([0x00, 0x02, 0x80], subAck.GetSubAckReturnCodes());

        Assert.Equal(["a/b", "c/d"], ReadOne(MqttVectors.Unsubscribe).ReadTopicFilters());
    }

    [Theory]
    [InlineData("c0 00", MqttPacketType.PingReq)]
    [InlineData("d0 00", MqttPacketType.PingResp)]
    [InlineData("e0 00", MqttPacketType.Disconnect)]
    public void TryReadPacket_EmptyPackets_Read(string hex, MqttPacketType type) =>
        Assert.Equal(type, ReadOne(Hex.Bytes(hex)).Type);

    [Theory]
    [InlineData("00 00", MqttReadError.ReservedPacketType)]
    [InlineData("f0 00", MqttReadError.ReservedPacketType)]
    [InlineData("60 02 000a", MqttReadError.InvalidFlags)] // PUBREL must carry 0010
    [InlineData("80 0e 000a 0003 612f62 01", MqttReadError.InvalidFlags)] // SUBSCRIBE must carry 0010
    [InlineData("41 02 000a", MqttReadError.InvalidFlags)]
    [InlineData("c1 00", MqttReadError.InvalidFlags)]
    [InlineData("36 07 0003 612f62 000a", MqttReadError.InvalidFlags)] // QoS 3 [MQTT-3.3.1-4]
    [InlineData("30 ffffffff01", MqttReadError.RemainingLengthTooLong)]
    [InlineData("40 03 000a00", MqttReadError.InvalidLength)]
    [InlineData("c0 01 00", MqttReadError.InvalidLength)]
    [InlineData("20 03 000000", MqttReadError.InvalidLength)]
    [InlineData("30 03 0005 61", MqttReadError.InvalidLength)] // topic runs past the packet
    [InlineData("32 05 0003 612f62", MqttReadError.InvalidLength)] // QoS 1 without packet id
    [InlineData("30 05 0003 612f2b", MqttReadError.InvalidTopic)] // "a/+"
    [InlineData("30 02 0000", MqttReadError.InvalidTopic)] // empty topic
    [InlineData("30 05 0003 610062", MqttReadError.InvalidString)] // U+0000
    [InlineData("30 05 0003 eda080", MqttReadError.InvalidString)] // encoded surrogate
    [InlineData("32 07 0003 612f62 0000", MqttReadError.ZeroPacketId)]
    [InlineData("40 02 0000", MqttReadError.ZeroPacketId)]
    [InlineData("20 02 0200", MqttReadError.InvalidReturnCode)] // reserved acknowledge flags §3.2.2.1
    [InlineData("90 03 000a 03", MqttReadError.InvalidReturnCode)]
    [InlineData("90 02 000a", MqttReadError.EmptyPayload)]
    [InlineData("82 02 000a", MqttReadError.EmptyPayload)]
    [InlineData("a2 02 000a", MqttReadError.EmptyPayload)]
    [InlineData("82 08 000a 0003 612f62 03", MqttReadError.InvalidQos)]
    [InlineData("82 08 000a 0003 612f62 41", MqttReadError.InvalidQos)] // reserved bits
    [InlineData("82 0a 000a 0005 612f232f62 01", MqttReadError.InvalidTopic)] // "a/#/b"
    [InlineData("82 07 000a 0003 612f62", MqttReadError.InvalidLength)] // filter without QoS byte
    [InlineData("10 0f 0006 4d5149736470 03 02 0000 0001 61", MqttReadError.InvalidConnect)] // MQTT 3.1 "MQIsdp"
    [InlineData("10 0d 0004 4d515454 04 03 0000 0001 61", MqttReadError.InvalidConnect)] // reserved flag bit
    [InlineData("10 0d 0004 4d515454 04 42 0000 0001 61", MqttReadError.InvalidConnect)] // password without user name
    [InlineData("10 0d 0004 4d515454 04 22 0000 0001 61", MqttReadError.InvalidConnect)] // will retain without will
    [InlineData("10 0d 0004 4d515454 04 1e 0000 0001 61", MqttReadError.InvalidQos)] // will QoS 3
    [InlineData("10 0e 0004 4d515454 04 02 0000 0001 61 00", MqttReadError.InvalidLength)] // trailing byte
    [InlineData("10 0d 0004 4d515454 04 02 0000 0001 00", MqttReadError.InvalidString)]
    public void TryReadPacket_Malformed_IsInvalidAndConsumesNothing(string hex, MqttReadError error)
    {
        var reader = new MqttPacketReader();
        byte[] bytes = Hex.Bytes(hex);
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Equal(OperationStatus.InvalidData, reader.TryReadPacket(ref buffer, out MqttPacket packet));
        Assert.Equal(error, reader.LastError);
        Assert.Equal(bytes.Length, buffer.Length);
        Assert.Equal(MqttPacketType.None, packet.Type);
    }

    [Fact]
    public void TryReadPacket_DeclaredTooLarge_RefusedBeforeTheBodyArrives()
    {
        var reader = new MqttPacketReader(maxPacketSize: 100);
        var buffer = new ReadOnlySequence<byte>(Hex.Bytes("30 62")); // 2 + 98 = 100: fits, waits
        Assert.Equal(OperationStatus.NeedMoreData, reader.TryReadPacket(ref buffer, out _));

        buffer = new ReadOnlySequence<byte>(Hex.Bytes("30 63")); // 101: refused with only the header in
        Assert.Equal(OperationStatus.InvalidData, reader.TryReadPacket(ref buffer, out _));
        Assert.Equal(MqttReadError.PacketTooLarge, reader.LastError);

        buffer = new ReadOnlySequence<byte>(Hex.Bytes("30 ffffff7f"));
        Assert.Equal(OperationStatus.InvalidData, new MqttPacketReader().TryReadPacket(ref buffer, out _));
    }

    [Fact]
    public void TryReadPacket_EveryTruncation_NeedsMoreDataAndKeepsTheBuffer()
    {
        var reader = new MqttPacketReader();
        foreach (byte[] vector in MqttVectors.All)
        {
            for (int length = 0; length < vector.Length; length++)
            {
                var buffer = new ReadOnlySequence<byte>(vector, 0, length);
                Assert.Equal(OperationStatus.NeedMoreData, reader.TryReadPacket(ref buffer, out _));
                Assert.Equal(length, buffer.Length);
            }
        }
    }

    [Fact]
    public void TryReadPacket_AllVectorsBackToBackSplitEverywhere_ReadsEachInOrder()
    {
        byte[] stream = [.. MqttVectors.All.SelectMany(v => v)];
        for (int cut = 1; cut < stream.Length; cut += 3)
        {
            var reader = new MqttPacketReader();
            ReadOnlySequence<byte> buffer = Sequences.Split(stream, cut, cut + 1, cut + 7);
            foreach (byte[] vector in MqttVectors.All)
            {
                ReadOnlySequence<byte> before = buffer;
                Assert.Equal(OperationStatus.Done, reader.TryReadPacket(ref buffer, out MqttPacket packet));
                Assert.Equal(vector.Length, before.Length - buffer.Length);
                Assert.Equal((MqttPacketType)(vector[0] >> 4), packet.Type);
                if (packet.Type == MqttPacketType.Publish)
                {
                    Assert.Equal("a/b", packet.GetTopic());
                }
            }

            Assert.True(buffer.IsEmpty);
        }
    }

    [Fact]
    public void TryReadPacket_LargePublishAcrossSegments_ChecksTheTopicAndSlicesThePayload()
    {
        byte[] payload = [.. Enumerable.Range(0, 70_000).Select(i => (byte)i)];
        var output = new ArrayBufferWriter<byte>();
        MqttPacketWriter.WritePublish(output, "solar/" + new string('t', 300), payload, MqttQos.AtLeastOnce, false, false, 65_535);
        byte[] bytes = output.WrittenSpan.ToArray();

        ReadOnlySequence<byte> buffer = Sequences.Split(bytes, 3, 100, 5_000, 69_000);
        Assert.Equal(OperationStatus.Done, new MqttPacketReader().TryReadPacket(ref buffer, out MqttPacket packet));
        Assert.Equal(payload, packet.Payload.ToArray());
        Assert.Equal((ushort)65_535, packet.PacketId);
    }

    internal static MqttPacket ReadOne(byte[] bytes, int maxPacketSize = MqttPacketReader.DefaultMaxPacketSize)
    {
        var reader = new MqttPacketReader(maxPacketSize);
        var buffer = new ReadOnlySequence<byte>(bytes);
        OperationStatus status = reader.TryReadPacket(ref buffer, out MqttPacket packet);
        Assert.True(status == OperationStatus.Done, $"{status} {reader.LastError} for {Hex.Of(bytes)}");
        Assert.True(buffer.IsEmpty);
        return packet;
    }
}
