using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

public class MqttCodecPropertyTests
{
    private static readonly byte[][] Seeds = [.. MqttVectors.All, [.. MqttVectors.All.SelectMany(v => v)]];

    [Fact]
    public void TryReadPacket_RandomBytes_NeverThrowsNorOverconsumesAndRewrites() =>
        Properties.ForAllBytes(0x3717_0001, Survives, tests: 2000);

    [Fact]
    public void TryReadPacket_MutatedPackets_NeverThrowsNorOverconsumesAndRewrites() =>
        Properties.ForAllMutations(0x3717_0002, Seeds, Survives, tests: 4000);

    [Fact]
    public void WriteThenRead_GeneratedPublishes_RoundTrip()
    {
        Gen<(string Topic, byte[] Payload, MqttQos Qos, bool Retain, bool Dup, ushort Id, int Cut)> publishes =
            from topic in MqttGenerators.TopicName
            from payload in ArbMap.Default.GeneratorFor<byte[]>()
            from qos in Gen.Elements(MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce)
            from retain in ArbMap.Default.GeneratorFor<bool>()
            from dup in ArbMap.Default.GeneratorFor<bool>()
            from id in Gen.Choose(1, 65_535)
            from cut in Gen.Choose(0, 400)
            select (topic, payload, qos, retain, qos != MqttQos.AtMostOnce && dup, qos == MqttQos.AtMostOnce ? (ushort)0 : (ushort)id, cut);

        Prop.ForAll(publishes.ToArbitrary(), p =>
        {
            var output = new ArrayBufferWriter<byte>();
            MqttPacketWriter.WritePublish(output, p.Topic, p.Payload, p.Qos, p.Retain, p.Dup, p.Id);
            ReadOnlySequence<byte> buffer = Sequences.Split(output.WrittenSpan.ToArray(), p.Cut, p.Cut / 2);
            Assert.Equal(OperationStatus.Done, new MqttPacketReader().TryReadPacket(ref buffer, out MqttPacket packet));
            Assert.True(buffer.IsEmpty);
            Assert.Equal((p.Topic, p.Qos, p.Retain, p.Dup, p.Id), (packet.GetTopic(), packet.Qos, packet.Retain, packet.Duplicate, packet.PacketId));
            Assert.Equal(p.Payload, packet.Payload.ToArray());
        }).Check(Properties.Pinned(0x3717_0003, tests: 500));
    }

    [Fact]
    public void WriteThenRead_GeneratedConnects_RoundTrip()
    {
        Prop.ForAll(MqttGenerators.Connect.ToArbitrary(), connect =>
        {
            var output = new ArrayBufferWriter<byte>();
            MqttPacketWriter.WriteConnect(output, connect);
            MqttConnect read = MqttPacketReaderTests.ReadOne(output.WrittenSpan.ToArray()).ReadConnect();
            Assert.Equal((connect.ClientId, connect.CleanSession, connect.KeepAliveSeconds, connect.UserName), (read.ClientId, read.CleanSession, read.KeepAliveSeconds, read.UserName));
            Assert.Equal(connect.Password, read.Password);
            Assert.Equal(connect.Will?.Topic, read.Will?.Topic);
            Assert.Equal(connect.Will?.Qos, read.Will?.Qos);
            Assert.Equal(connect.Will?.Retain, read.Will?.Retain);
            Assert.Equal(connect.Will?.Payload.ToArray(), read.Will?.Payload.ToArray());
        }).Check(Properties.Pinned(0x3717_0004, tests: 500));
    }

    [Fact]
    public void WriteThenRead_GeneratedSubscriptions_RoundTrip()
    {
        Gen<(MqttSubscription[] Subscriptions, ushort Id)> cases =
            from filters in MqttGenerators.TopicFilter.ArrayOf().Where(a => a.Length > 0)
            from qos in Gen.Elements(MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce).ArrayOf(filters.Length)
            from id in Gen.Choose(1, 65_535)
            select (filters.Zip(qos, (f, q) => new MqttSubscription(f, q)).ToArray(), (ushort)id);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var output = new ArrayBufferWriter<byte>();
            MqttPacketWriter.WriteSubscribe(output, c.Id, c.Subscriptions);
            MqttPacketWriter.WriteUnsubscribe(output, c.Id, [.. c.Subscriptions.Select(s => s.Filter)]);
            MqttPacketWriter.WriteSubAck(output, c.Id, [.. c.Subscriptions.Select(s => (byte)s.Qos)]);
            var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
            var reader = new MqttPacketReader();
            Assert.Equal(OperationStatus.Done, reader.TryReadPacket(ref buffer, out MqttPacket subscribe));
            Assert.Equal(c.Subscriptions, subscribe.ReadSubscriptions());
            Assert.Equal(OperationStatus.Done, reader.TryReadPacket(ref buffer, out MqttPacket unsubscribe));
            Assert.Equal(c.Subscriptions.Select(s => s.Filter), unsubscribe.ReadTopicFilters());
            Assert.Equal(OperationStatus.Done, reader.TryReadPacket(ref buffer, out MqttPacket subAck));
            Assert.Equal(c.Subscriptions.Select(s => (byte)s.Qos), subAck.GetSubAckReturnCodes());
            Assert.Equal(c.Id, subAck.PacketId);
            Assert.True(buffer.IsEmpty);
        }).Check(Properties.Pinned(0x3717_0005, tests: 300));
    }

    /// <summary>
    /// Reads packets until the input ends or is refused. Never throws; each Done consumes exactly one packet's size
    /// and at most what was given; anything read writes back to the same type, flags and body.
    /// </summary>
    internal static bool Survives(byte[] input)
    {
        var reader = new MqttPacketReader(maxPacketSize: 4096);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 3, input.Length / 2);
        while (true)
        {
            long before = buffer.Length;
            OperationStatus status = reader.TryReadPacket(ref buffer, out MqttPacket packet);
            Assert.True(buffer.Length <= before);
            if (status != OperationStatus.Done)
            {
                Assert.Equal(before, buffer.Length);
                Assert.Equal(status == OperationStatus.InvalidData, reader.LastError != MqttReadError.None);
                return true;
            }

            Assert.True(before - buffer.Length >= 2 + packet.Body.Length);
            byte[]? again = MqttRewriter.Rewrite(packet);
            if (again is not null)
            {
                MqttPacket reread = MqttPacketReaderTests.ReadOne(again);
                Assert.Equal((packet.Type, packet.Flags), (reread.Type, reread.Flags));
                Assert.Equal(packet.Body.ToArray(), reread.Body.ToArray());
            }
        }
    }
}
