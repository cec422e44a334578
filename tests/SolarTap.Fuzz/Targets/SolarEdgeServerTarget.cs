using System.Buffers;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Testing;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The SolarEdge server engine and the relay tap over one input, with the real key of 7F104920 so mutated 0x0503 and
/// 0x003D reach key exchange, unwrapping and wrapped replies. Every commit is confirmed; the input is fed in three
/// chunks and flushed. Also checks that no more posts are committed than the input has valid frames.
/// </summary>
internal sealed class SolarEdgeServerTarget : IFuzzTarget
{
    private static readonly DateTimeOffset Now = new(2024, 6, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly InverterKey? Key =
        InverterKey.TryParse(File.ReadAllText(TestData.PathOf("solaredge/7f104920.key")), out InverterKey? key, out _) ? key : null;

    public string Name => "solaredge-server";

    public IEnumerable<byte[]> Seeds()
    {
        yield return TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin");
        yield return TestData.SolarEdge("synth_passive_capture.inverter_stream.bin");
        foreach (bool encrypted in (bool[])[false, true])
        {
            var options = new SimulatedInverterOptions { Key = encrypted ? Key : null, Optimizers = 3, TimeRequestEveryPosts = 2 };
            using var sessions = new InverterSessions(_ => Key);
            using var inverter = new SolarEdgeInverterSimulator(options, Now);
            var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, new ScriptedRandom().Fill);
            link.Run(Now, Now.AddMinutes(20), TimeSpan.FromMinutes(1));
            yield return [.. link.Received.SelectMany(c => c)];
        }
    }

    public void Run(byte[] input)
    {
        using var sessions = new InverterSessions(id => id == 0x7F104920 ? Key : null);
        var server = new SolarEdgeServerSession(sessions, new SolarEdgeServerOptions { MaxPayloadLength = 4096 });
        var random = new ScriptedRandom(seed: input.Length);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 3, 2 * input.Length / 3);
        int commits = Handle(server, server.Receive(ref buffer, Now, input.Length % 2 == 0, random.Fill), random);
        commits += Handle(server, server.Flush(ref buffer, Now, true, random.Fill), random);
        if (commits > input.Length / 22)
        {
            throw new InvalidOperationException($"{commits} commits from {input.Length} bytes");
        }

        var tap = new SolarEdgeRelayTap(sessions, maxPayloadLength: 4096);
        ReadOnlySequence<byte> copy = Sequences.Split(input, input.Length / 2);
        tap.FromInverter(ref copy, Now, flush: true);
        ReadOnlySequence<byte> replies = Sequences.Split(input, input.Length / 4);
        tap.FromServer(ref replies, Now, flush: true);
    }

    private static int Handle(SolarEdgeServerSession server, IReadOnlyList<SolarEdgeServerAction> actions, ScriptedRandom random)
    {
        int commits = 0;
        foreach (SolarEdgeServerAction action in actions)
        {
            if (action is SolarEdgeCommit commit)
            {
                commits++;
                _ = server.Committed(commit.Token, Now, random.Fill);
            }
        }

        if (server.PendingCommits != 0)
        {
            throw new InvalidOperationException($"{server.PendingCommits} commits left pending");
        }

        return commits;
    }
}
