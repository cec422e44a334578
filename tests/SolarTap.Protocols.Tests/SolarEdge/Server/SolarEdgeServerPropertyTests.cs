using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.Tests.SolarEdge.Crypto;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;
using static SolarTap.Protocols.Tests.SolarEdge.Server.ServerTestKit;

namespace SolarTap.Protocols.Tests.SolarEdge.Server;

/// <summary>FsCheck properties with pinned seeds (ARCHITECTURE §4.8).</summary>
public class SolarEdgeServerPropertyTests
{
    private static readonly Lazy<(byte[] Stream, int Posts)[]> Seeds = new(MakeSeeds);

    private static byte[][] Streams => [.. Seeds.Value.Select(s => s.Stream)];

    [Fact]
    public void Receive_RandomBytes_NeverThrowsNorCommitsMoreThanValidPosts()
        => Properties.ForAllBytes(0x5E5E_0001, bytes => CommitsAtMostValidPosts(bytes) && TapPostsAtMostValidPosts(bytes), tests: 300);

    [Fact]
    public void Receive_MutatedSimulatorStreams_NeverThrowsNorCommitsMoreThanValidPosts()
        => Properties.ForAllMutations(0x5E5E_0002, Streams, bytes => CommitsAtMostValidPosts(bytes) && TapPostsAtMostValidPosts(bytes), tests: 300);

    [Fact]
    public void Receive_UnmutatedSimulatorStreams_CommitsExactlyTheValidPosts()
    {
        Assert.All(Seeds.Value, seed => Assert.Equal(seed.Posts, Run(seed.Stream)));
    }

    private static bool CommitsAtMostValidPosts(byte[] bytes) => Run(bytes) <= ValidPostFrames(bytes);

    private static bool TapPostsAtMostValidPosts(byte[] bytes)
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var tap = new SolarEdgeRelayTap(sessions);
        var buffer = new ReadOnlySequence<byte>(bytes);
        int posts = tap.FromInverter(ref buffer, Noon).Posts.Count + tap.FromInverter(ref buffer, Noon, flush: true).Posts.Count;
        return posts <= ValidPostFrames(bytes) + ValidPostFrames(bytes, function: FunctionCode.CmdServerPostData, emptyToo: true);
    }

    /// <summary>Feeds <paramref name="bytes"/> in three chunks, commits every post at once, flushes; returns the commits.</summary>
    private static int Run(byte[] bytes)
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions, new SolarEdgeServerOptions { MaxGarbageBytes = 4096 });
        var random = new ScriptedRandom();
        int commits = 0;
        byte[] pending = [];
        int third = bytes.Length / 3;
        foreach (byte[] chunk in (byte[][])[bytes[..third], bytes[third..(2 * third)], bytes[(2 * third)..]])
        {
            commits += Handle(server, Feed(server, ref pending, chunk, Noon, random.Fill), random);
        }

        var rest = new ReadOnlySequence<byte>(pending);
        commits += Handle(server, server.Flush(ref rest, Noon, true, random.Fill), random);
        return commits;
    }

    private static int Handle(SolarEdgeServerSession server, IReadOnlyList<SolarEdgeServerAction> actions, ScriptedRandom random)
    {
        int commits = 0;
        foreach (SolarEdgeCommit commit in actions.OfType<SolarEdgeCommit>())
        {
            commits++;
            server.Committed(commit.Token, Noon, random.Fill);
        }

        return commits;
    }

    /// <summary>
    /// Reference count: complete valid messages (spec §1.5) that are non-empty 0x0500 posts, plus 0x003D wrappers (each
    /// may hold one post).
    /// </summary>
    private static int ValidPostFrames(byte[] bytes, FunctionCode function = FunctionCode.EncryptedWrapper, bool emptyToo = false)
    {
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(bytes);
        int count = 0;
        do
        {
            while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
            {
                bool post = frame.Function == FunctionCode.CmdServerPostData && (emptyToo ? frame.Payload.IsEmpty : !frame.Payload.IsEmpty);
                count += post || (!emptyToo && frame.Function == function) ? 1 : 0;
            }
        }
        while (reader.AbandonCandidate(ref buffer));

        return count;
    }

    private static (byte[], int)[] MakeSeeds()
    {
        var seeds = new List<(byte[], int)>();
        foreach (SimulatedInverterOptions options in (SimulatedInverterOptions[])[Plain(optimizers: 2, timeRequests: 2), Encrypted(optimizers: 2, timeRequests: 2)])
        {
            using var sessions = new InverterSessions(CryptoVectors.Lookup);
            using var inverter = new SolarEdgeInverterSimulator(options, Noon);
            var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, new ScriptedRandom().Fill);
            link.Run(Noon, Noon.AddMinutes(15), TimeSpan.FromMinutes(1));
            seeds.Add(([.. link.Received.SelectMany(c => c), .. Message(0x0777, FunctionCode.CmdServerPostData)], link.Journal.Count));
        }

        seeds.Add((TestData.SolarEdge("synth_passive_capture.inverter_stream.bin"), 2)); // one plain post, one wrapped
        return [.. seeds];
    }
}
