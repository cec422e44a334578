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
/// SolarEdge framing, telemetry decoding, readings, and JSON lines (into a counting sink instead of a file).
/// Throughput = capture size / mean time.
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

    [Benchmark]
    public long PcapToJsonLines()
    {
        using var sessions = new InverterSessions(_ => null);
        var sink = new JsonLinesCounter();
        var decoder = new SolarEdgeCaptureDecoder(sessions, sink, new DecodeStatistics());
        var reassembler = new TcpReassembler(decoder);
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), CaptureFilter.SolarEdgeInverters, reassembler);
        var buffer = new ReadOnlySequence<byte>(_capture);
        extractor.Process(ref buffer);
        extractor.Complete();
        return sink.Bytes;
    }

    private sealed class JsonLinesCounter : ISolarEdgeMessageSink
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
}
