using System.Buffers;
using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Testing;

namespace SolarTap.Benchmarks;

/// <summary>
/// The whole offline path of 'solartap pcap' in one process: capture reader, dissector, filter, TCP reassembly,
/// SolarEdge framing, and JSON lines (into a counting sink instead of a file): once through readings (every
/// record decoded into a <see cref="Reading"/>, then formatted), once as the CLI does it (optimizer-only posts
/// formatted straight from the wire). Throughput = capture size / mean time.
/// </summary>
[MemoryDiagnoser]
public class PcapToJsonBenchmarks
{
    private byte[] _capture = [];

    /// <summary>Capture size in MiB.</summary>
    [Params(64)]
    public int MegaBytes { get; set; }

    [GlobalSetup]
    public void Setup() => _capture = SyntheticSite.Capture(MegaBytes << 20);

    [Benchmark(Baseline = true)]
    public long PcapToJsonLinesViaReadings() => Run(new JsonLinesCounter());

    [Benchmark]
    public long PcapToJsonLinesAsTheCliDoes() => Run(new DirectJsonLinesCounter());

    private long Run(ICountingSink sink)
    {
        using var sessions = new InverterSessions(_ => null);
        var decoder = new SolarEdgeCaptureDecoder(sessions, sink, new DecodeStatistics());
        var reassembler = new TcpReassembler(decoder);
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), CaptureFilter.SolarEdgeInverters, reassembler);
        var buffer = new ReadOnlySequence<byte>(_capture);
        extractor.Process(ref buffer);
        extractor.Complete();
        return sink.Bytes;
    }

    private interface ICountingSink : ISolarEdgeMessageSink
    {
        long Bytes { get; }
    }

    private sealed class JsonLinesCounter : ICountingSink
    {
        private readonly ReadingJsonWriter _json = new();

        public long Bytes { get; private set; }

        public void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
        {
            if (telemetry is null)
            {
                return;
            }

            foreach (Reading reading in telemetry.Readings)
            {
                Bytes += _json.Format(reading).Length;
            }
        }
    }

    private sealed class DirectJsonLinesCounter : ICountingSink, IPackedOptimizerSink
    {
        private readonly ReadingJsonWriter _json = new();
        private readonly PackedOptimizerJsonWriter _packed = new();
        private byte[] _buffer = new byte[64 * 1024];

        public long Bytes { get; private set; }

        public bool TakesPackedOptimizerPosts => true;

        public void OnPackedOptimizers(scoped in TrackedMessage message, int records)
        {
            int size = records * PackedOptimizerJsonWriter.MaxLineLength;
            if (_buffer.Length < size)
            {
                _buffer = new byte[size];
            }

            Bytes += _packed.Write(message.Payload, message.Header.Source, _buffer);
        }

        public void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
        {
            foreach (Reading reading in telemetry?.Readings ?? [])
            {
                Bytes += _json.Format(reading).Length;
            }
        }
    }
}
