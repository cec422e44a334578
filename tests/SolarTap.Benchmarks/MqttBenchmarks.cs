using System.Buffers;
using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Benchmarks;

/// <summary>
/// The MQTT sink's hot path: PUBLISH packets written (QoS 1, a typical telemetry topic and JSON payload) and framed
/// again, as the broker side of a test or a capture replay would. Each benchmark handles <see cref="Batch"/>
/// messages, so messages per second = Batch / mean time.
/// </summary>
[MemoryDiagnoser]
public class MqttBenchmarks
{
    /// <summary>Messages per benchmark invocation.</summary>
    public const int Batch = 1000;

    private const string Topic = "solartap/7d1028e7/inverter/7F104920/state";
    private readonly ArrayBufferWriter<byte> _output = new(256 * Batch);
    private byte[] _payload = [];
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        _payload = "{\"ac_power\":4312.5,\"energy_total\":18342211,\"dc_voltage\":382.4,\"temperature\":41.3,\"ts\":\"2025-06-01T12:00:00Z\"}"u8.ToArray();
        for (int i = 0; i < Batch; i++)
        {
            MqttPacketWriter.WritePublish(_output, Topic, _payload, MqttQos.AtLeastOnce, false, false, (ushort)(i + 1));
        }

        _stream = _output.WrittenSpan.ToArray();
    }

    /// <summary>Writes <see cref="Batch"/> QoS 1 PUBLISH packets into a reused buffer.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int EncodePublish()
    {
        _output.ResetWrittenCount();
        for (int i = 0; i < Batch; i++)
        {
            MqttPacketWriter.WritePublish(_output, Topic, _payload, MqttQos.AtLeastOnce, false, false, (ushort)(i + 1));
        }

        return _output.WrittenCount;
    }

    /// <summary>Frames and checks <see cref="Batch"/> PUBLISH packets from one buffer.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long FramePublish()
    {
        var reader = new MqttPacketReader();
        var buffer = new ReadOnlySequence<byte>(_stream);
        long payload = 0;
        while (reader.TryReadPacket(ref buffer, out MqttPacket packet) == OperationStatus.Done)
        {
            payload += packet.Payload.Length;
        }

        return payload;
    }

    /// <summary>Both: encode then frame, the round trip per message.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long EncodeAndFramePublish()
    {
        EncodePublish();
        var reader = new MqttPacketReader();
        var buffer = new ReadOnlySequence<byte>(_output.WrittenMemory);
        long ids = 0;
        while (reader.TryReadPacket(ref buffer, out MqttPacket packet) == OperationStatus.Done)
        {
            ids += packet.PacketId;
        }

        return ids;
    }
}
