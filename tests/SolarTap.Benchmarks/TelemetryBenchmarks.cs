using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Benchmarks;

/// <summary>
/// Telemetry decoding: 0x0080 optimizer records per second (typed decode only; target ≥ 1 million per second on
/// one core, no allocation) and whole payloads to Readings. Records/s = OptimizerRecords / mean time.
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private byte[][] _payloads = [];

    /// <summary>How many 0x0080 records all payloads hold together.</summary>
    [Params(100_000)]
    public int OptimizerRecords { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        const int perPayload = 50; // a post carries a few dozen optimizer records
        var payloads = new List<byte[]>();
        for (int made = 0; made < OptimizerRecords; made += perPayload)
        {
            var payload = new byte[perPayload * (TelemetryRecordHeader.Size + PackedOptimizerTelemetry.DataLength)];
            int at = 0;
            for (int i = 0; i < perPayload; i++)
            {
                var record = new PackedOptimizerTelemetry(
                    (uint)(0x20230000 + random.Next(0x10000)), 1465388393u + (uint)i, (ushort)random.Next(40000),
                    (ushort)random.Next(1024), (ushort)random.Next(1024), (ushort)random.Next(4096),
                    (ushort)random.Next(8000), (sbyte)random.Next(-20, 40));
                record.TryWrite(payload.AsSpan(at), out int written);
                at += written;
            }

            payloads.Add(payload);
        }

        _payloads = [.. payloads];
    }

    [Benchmark]
    public long DecodePackedOptimizers()
    {
        long sum = 0;
        foreach (byte[] payload in _payloads)
        {
            var reader = new TelemetryRecordReader(payload);
            while (reader.TryReadNext(out TelemetryRecord record))
            {
                if (PackedOptimizerTelemetry.TryDecode(record, out PackedOptimizerTelemetry value))
                {
                    sum += value.ModuleCurrentRaw;
                }
            }
        }

        return sum;
    }

    [Benchmark]
    public int DecodeToReadings()
    {
        int readings = 0;
        foreach (byte[] payload in _payloads)
        {
            readings += TelemetryDecoder.Decode(payload, 0x7E1A06DB).Readings.Count;
        }

        return readings;
    }
}
