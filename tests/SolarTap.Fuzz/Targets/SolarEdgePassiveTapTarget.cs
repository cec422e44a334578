using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>What the bridge capture service runs per frame: dissector, port filter, reassembly, and the passive tap over both directions.</summary>
internal sealed class SolarEdgePassiveTapTarget : IFuzzTarget
{
    private static readonly ushort[] Ports = [22222, 22221, 80];

    private static readonly InverterKey? Key =
        InverterKey.TryParse(File.ReadAllText(TestData.PathOf("solaredge/7f104920.key")), out InverterKey? key, out _) ? key : null;

    public string Name => "solaredge-passive-tap";

    public IEnumerable<byte[]> Seeds()
    {
        yield return TestData.SolarEdge("synth_passive_capture.pcap");
        byte[] post = SyntheticPosts.OptimizerPost(0x7F104920, 7, optimizers: 10, timestamp: 1_700_000_000);
        yield return new SyntheticCapture()
            .FromInverter(TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin").AsSpan(0, 56)) // the 0x0503 (20-byte header, 34-byte payload, CRC)
            .FromServer(TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin").AsSpan(56)) // the server's encrypted reply
            .FromInverter(TestData.SolarEdge("synth_encrypted_inverter1ph_issue8.bin"), 100)
            .FromInverter(post, 90)
            .ToArray();
    }

    public void Run(byte[] input)
    {
        using var sessions = new InverterSessions(_ => Key);
        var tap = new SolarEdgePassiveTap(sessions, Ports);
        var reassembler = new TcpReassembler(tap);
        tap.CaptureTimeNanoseconds = () => reassembler.NowNanoseconds;
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), new CaptureFilter { Ports = Ports }, reassembler);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 3);
        extractor.Process(ref buffer);
        _ = tap.TakeBatches();
        extractor.Complete();
        foreach (SolarEdgeConnectionBatch batch in tap.TakeBatches())
        {
            if (batch.Batch.Posts.Any(p => p.Readings is null))
            {
                throw new InvalidOperationException("a post without its readings list");
            }
        }
    }
}
