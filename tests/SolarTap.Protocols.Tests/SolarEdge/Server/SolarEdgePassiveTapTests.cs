using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using TestData = SolarTap.Testing.TestData;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Protocols.SolarEdge.Server;

namespace SolarTap.Protocols.Tests.SolarEdge.Server;

public class SolarEdgePassiveTapTests
{
    private static readonly ushort[] ServerPorts = [22222, 22221, 80];

    private static readonly TcpFlowKey InverterToServer = new(
        InetAddress.Parse("192.0.2.10"), 3051, InetAddress.Parse("198.51.100.20"), 22222);

    [Fact]
    public void Capture_SynthPassiveCaptureWithKey_DecodesThePlainAndTheEncryptedPostOnce()
    {
        using var sessions = new InverterSessions(_ => Key());

        List<SolarEdgeConnectionBatch> batches = Run(TestData.SolarEdge("synth_passive_capture.pcap"), sessions, out SolarEdgePassiveTap tap);

        Assert.All(batches, b => Assert.Equal(InverterToServer, b.Connection));
        List<SolarEdgePost> posts = [.. batches.SelectMany(b => b.Batch.Posts)];
        Assert.Equal([(ushort)1035, (ushort)1036], posts.Select(p => p.Sequence));
        Assert.Equal([false, true], posts.Select(p => p.Encrypted));
        Assert.All(posts, p => Assert.Equal(0x7E1A06DBu, p.Inverter));
        Assert.All(posts, p => Assert.Equal(8, p.Telemetry!.RecordCount));
        // The wrapper carries the same records.
        Assert.Equal(posts[0].Readings.Select(r => (r.Device, r.Timestamp)), posts[1].Readings.Select(r => (r.Device, r.Timestamp)));
        List<SolarEdgeServerEventKind> events = [.. batches.SelectMany(b => b.Batch.Events).Select(e => e.Kind)];
        Assert.Contains(SolarEdgeServerEventKind.SessionStarted, events);
        Assert.DoesNotContain(SolarEdgeServerEventKind.WrapperUndecryptable, events);
        Assert.DoesNotContain(SolarEdgeServerEventKind.UndecodableData, events);
        Assert.Equal(2, tap.Posts);
        Assert.Equal(0, tap.BytesSkipped);
        Assert.Equal(0, tap.OpenConnections); // both directions closed (FIN, then the end of the capture)
        Assert.Empty(tap.TakeBatches());
    }

    [Fact]
    public void Capture_SynthPassiveCaptureWithoutKey_DecodesThePlainPostAndReportsTheMissingKey()
    {
        using var sessions = new InverterSessions(_ => null);

        List<SolarEdgeConnectionBatch> batches = Run(TestData.SolarEdge("synth_passive_capture.pcap"), sessions, out _);

        Assert.Equal([(ushort)1035], batches.SelectMany(b => b.Batch.Posts).Select(p => p.Sequence));
        Assert.Contains(batches.SelectMany(b => b.Batch.Events), e => e.Kind == SolarEdgeServerEventKind.EncryptedInverterWithoutKey);
    }

    [Fact]
    public void OnData_ServerSpeaksFirst_BothDirectionsAreOneConnectionKeyedByTheInverterSide()
    {
        using var sessions = new InverterSessions(_ => null);
        var tap = new SolarEdgePassiveTap(sessions, ServerPorts);
        byte[] post = SyntheticPosts.OptimizerPost(0x7F104920, 7, optimizers: 3, timestamp: 1_700_000_000);

        tap.OnData(InverterToServer.Reverse(), [0x12, 0x34]); // not SolarEdge: skipped, and not a post
        tap.OnData(InverterToServer, post);

        Assert.Equal(1, tap.OpenConnections);
        SolarEdgeConnectionBatch batch = Assert.Single(tap.TakeBatches(), b => b.Batch.Posts.Count > 0);
        Assert.Equal(InverterToServer, batch.Connection);
        Assert.Equal((ushort)7, Assert.Single(batch.Batch.Posts).Sequence);

        tap.OnClosed(InverterToServer, TcpCloseReason.Fin);
        Assert.Equal(1, tap.OpenConnections); // the server's direction is still open
        tap.OnClosed(InverterToServer.Reverse(), TcpCloseReason.Fin);
        Assert.Equal(0, tap.OpenConnections);
    }

    [Fact]
    public void OnData_NeitherPortIsAServerPort_TheLowerPortIsTheServer()
    {
        using var sessions = new InverterSessions(_ => null);
        var tap = new SolarEdgePassiveTap(sessions, [22222]);
        var flow = new TcpFlowKey(InetAddress.Parse("192.0.2.10"), 40001, InetAddress.Parse("198.51.100.20"), 8080);

        tap.OnData(flow, SyntheticPosts.OptimizerPost(0x7F104920, 9, optimizers: 1, timestamp: 1_700_000_000));

        Assert.Equal(flow, Assert.Single(tap.TakeBatches()).Connection);
    }

    [Fact]
    public void OnGap_MessageCutByAGap_IsDroppedAndTheNextOneDecodes()
    {
        using var sessions = new InverterSessions(_ => null);
        var tap = new SolarEdgePassiveTap(sessions, ServerPorts);
        byte[] first = SyntheticPosts.OptimizerPost(0x7F104920, 1, optimizers: 3, timestamp: 1_700_000_000);
        byte[] second = SyntheticPosts.OptimizerPost(0x7F104920, 2, optimizers: 3, timestamp: 1_700_000_300);

        tap.OnData(InverterToServer, first.AsSpan(0, 20));
        tap.OnGap(InverterToServer, 100);
        tap.OnData(InverterToServer, second);

        Assert.Equal([(ushort)2], tap.TakeBatches().SelectMany(b => b.Batch.Posts).Select(p => p.Sequence));
    }

    /// <summary>However both directions are cut into segments, the same posts come out, once each.</summary>
    [Fact]
    public void OnData_Property_SegmentationDoesNotChangeThePosts()
    {
        byte[] inverter = TestData.SolarEdge("synth_passive_capture.inverter_stream.bin");
        byte[] extra = SyntheticPosts.OptimizerPost(0x7E1A06DB, 0x0500, optimizers: 5, timestamp: 1_700_000_000);
        byte[] stream = [.. inverter, .. extra];
        List<(ushort, bool, int)> whole = Posts(stream, [stream.Length]);
        Assert.Equal(3, whole.Count);

        Gen<int[]> cuts = Gen.ArrayOf(Gen.Choose(1, 200));
        Prop.ForAll(cuts.ToArbitrary(), sizes => Posts(stream, sizes).SequenceEqual(whole))
            .Check(Properties.Pinned(0x5EED_7A90, tests: 300));
    }

    /// <summary>Mutated captures through dissector, reassembler and tap: never an exception.</summary>
    [Fact]
    public void Capture_Property_MutatedCapturesNeverThrow()
    {
        byte[] capture = TestData.SolarEdge("synth_passive_capture.pcap");
        Properties.ForAllMutations(0x5EED_7A91, [capture], input =>
        {
            using var sessions = new InverterSessions(_ => Key());
            Run(input, sessions, out _);
            return true;
        }, tests: 300);
    }

    private static List<(ushort Sequence, bool Encrypted, int Readings)> Posts(byte[] stream, int[] sizes)
    {
        using var sessions = new InverterSessions(_ => Key());
        var tap = new SolarEdgePassiveTap(sessions, ServerPorts);
        int at = 0;
        for (int i = 0; at < stream.Length; i++)
        {
            int size = sizes.Length == 0 ? stream.Length : Math.Clamp(sizes[i % sizes.Length], 1, stream.Length - at);
            tap.OnData(InverterToServer, stream.AsSpan(at, size));
            at += size;
        }

        tap.OnClosed(InverterToServer, TcpCloseReason.Fin);
        return [.. tap.TakeBatches().SelectMany(b => b.Batch.Posts).Select(p => (p.Sequence, p.Encrypted, p.Readings.Count))];
    }

    private static List<SolarEdgeConnectionBatch> Run(byte[] capture, InverterSessions sessions, out SolarEdgePassiveTap tap)
    {
        tap = new SolarEdgePassiveTap(sessions, ServerPorts);
        var reassembler = new TcpReassembler(tap);
        SolarEdgePassiveTap local = tap;
        tap.CaptureTimeNanoseconds = () => reassembler.NowNanoseconds;
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), new CaptureFilter { Ports = ServerPorts }, reassembler);
        var buffer = new ReadOnlySequence<byte>(capture);
        extractor.Process(ref buffer);
        extractor.Complete();
        return [.. local.TakeBatches()];
    }

    private static InverterKey? Key() =>
        InverterKey.TryParse(TestData.SolarEdgeText("7f104920.key"), out InverterKey? key, out _) ? key : null;
}
