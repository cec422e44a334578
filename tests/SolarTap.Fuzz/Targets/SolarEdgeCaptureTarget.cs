using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>What 'solartap pcap' runs: capture reader, reassembly, per-flow SolarEdge decoding with a key.</summary>
internal sealed class SolarEdgeCaptureTarget : IFuzzTarget
{
    private static readonly InverterKey? Key =
        InverterKey.TryParse(File.ReadAllText(TestData.PathOf("solaredge/7f104920.key")), out InverterKey? key, out _) ? key : null;

    public string Name => "solaredge-capture-decoder";

    public IEnumerable<byte[]> Seeds()
    {
        yield return TestData.SolarEdge("synth_passive_capture.pcap");
        byte[] post = SyntheticPosts.OptimizerPost(0x7F104920, 7, optimizers: 10, timestamp: 1_700_000_000);
        yield return new SyntheticCapture().FromInverter(TestData.SolarEdge("synth_encrypted_inverter1ph_issue8.bin"), 64).FromInverter(post, 100).ToArray();
    }

    public void Run(byte[] input)
    {
        using var sessions = new InverterSessions(_ => Key);
        var decoder = new SolarEdgeCaptureDecoder(sessions, NullSink.Instance, new DecodeStatistics());
        var reassembler = new TcpReassembler(decoder);
        decoder.CaptureTimeNanoseconds = () => reassembler.NowNanoseconds;
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), CaptureFilter.Any, reassembler);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 2);
        extractor.Process(ref buffer);
        extractor.Complete();
    }

    private sealed class NullSink : ISolarEdgeMessageSink
    {
        public static readonly NullSink Instance = new();

        public void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
        {
        }
    }
}
