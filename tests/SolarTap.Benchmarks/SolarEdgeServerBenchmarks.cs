using System.Buffers;
using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Testing;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;

namespace SolarTap.Benchmarks;

/// <summary>
/// The SolarEdge server engine: posts handled per second (frame, unwrap, decode to readings, commit, ACK and wrap it),
/// fed with a stream the inverter simulator recorded. Posts/s = Posts / mean time.
/// </summary>
[MemoryDiagnoser]
public class SolarEdgeServerBenchmarks
{
    private static readonly DateTimeOffset Start = new(2024, 6, 21, 6, 0, 0, TimeSpan.Zero);
    private byte[][] _chunks = [];
    private InverterKey _key = null!;
    private ScriptedRandom _random = null!;

    /// <summary>Posts in the recorded stream.</summary>
    [Params(100)]
    public int Posts { get; set; }

    /// <summary>Whether the inverter encrypts (0x0503, then every message in 0x003D).</summary>
    [Params(false, true)]
    public bool Encrypted { get; set; }

    /// <summary>Optimizer records per post.</summary>
    [Params(20)]
    public int Optimizers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _key = InverterKey.FromBytes(Hex.Bytes("e1992523f4ddbb47d5336f6f177e3278"));
        _random = new ScriptedRandom();
        var options = new SimulatedInverterOptions { Key = Encrypted ? _key : null, Optimizers = Optimizers, TimeRequestEveryPosts = 12 };
        using var sessions = new InverterSessions(_ => _key);
        using var inverter = new SolarEdgeInverterSimulator(options, Start);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill);
        for (DateTimeOffset now = Start; link.Journal.Count < Posts; now += options.PostInterval)
        {
            link.Step(now);
        }

        _chunks = [.. link.Received];
    }

    /// <summary>One connection from the first byte to the last post's ACK.</summary>
    [Benchmark]
    public int Connection()
    {
        using var sessions = new InverterSessions(_ => _key);
        var server = new SolarEdgeServerSession(sessions);
        int acks = 0;
        foreach (byte[] chunk in _chunks)
        {
            var buffer = new ReadOnlySequence<byte>(chunk);
            foreach (SolarEdgeServerAction action in server.Receive(ref buffer, Start, true, _random.Fill))
            {
                if (action is SolarEdgeCommit commit)
                {
                    acks += server.Committed(commit.Token, Start, _random.Fill).Length > 0 ? 1 : 0;
                }
            }
        }

        return acks;
    }
}
