using System.Buffers;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Supervisor.Simulation;

namespace SolarTap.Testing.Simulators;

/// <summary>
/// Connects a <see cref="SolarEdgeInverterSimulator"/> to a <see cref="SolarEdgeServerSession"/> in memory, playing the
/// TCP service's part: feeds the inverter's bytes to the session (optionally in small chunks), commits posts to an
/// in-memory journal and calls <see cref="SolarEdgeServerSession.Committed"/>, and delivers replies to the simulator.
/// </summary>
public sealed class SolarEdgeServerLoopback
{
    private readonly RandomBytes _random;
    private byte[] _pending = [];

    /// <summary>Links <paramref name="inverter"/> to <paramref name="server"/>; <paramref name="random"/> feeds the server's wrappers.</summary>
    public SolarEdgeServerLoopback(SolarEdgeServerSession server, SolarEdgeInverterSimulator inverter, RandomBytes random)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(inverter);
        ArgumentNullException.ThrowIfNull(random);
        Server = server;
        Inverter = inverter;
        _random = random;
    }

    /// <summary>The server side.</summary>
    public SolarEdgeServerSession Server { get; }

    /// <summary>The inverter side.</summary>
    public SolarEdgeInverterSimulator Inverter { get; }

    /// <summary>What the loopback tells the server about the appliance clock.</summary>
    public bool ClockSynchronized { get; set; } = true;

    /// <summary>When false, commits are held in <see cref="Uncommitted"/> until <see cref="CommitAll"/>.</summary>
    public bool AutoCommit { get; set; } = true;

    /// <summary>Inverter bytes are handed to the server in chunks of at most this many bytes (exercises partial frames).</summary>
    public int ChunkSize { get; set; } = int.MaxValue;

    /// <summary>Server→inverter messages to drop (counted down per message; a lost ACK).</summary>
    public int DropReplies { get; set; }

    /// <summary>Every action the server returned, in order.</summary>
    public List<SolarEdgeServerAction> Actions { get; } = [];

    /// <summary>Posts committed to the "journal", in order (re-sent posts appear again).</summary>
    public List<SolarEdgePost> Journal { get; } = [];

    /// <summary>Commits asked for and not yet made (with <see cref="AutoCommit"/> off).</summary>
    public List<SolarEdgeCommit> Uncommitted { get; } = [];

    /// <summary>Bytes the inverter sent, in order, one entry per <see cref="SolarEdgeInverterSimulator.Poll"/> that sent any.</summary>
    public List<byte[]> Received { get; } = [];

    /// <summary>Bytes the server sent, in order, one entry per message.</summary>
    public List<byte[]> Sent { get; } = [];

    /// <summary>One exchange at <paramref name="now"/>: the inverter sends what is due, the server answers.</summary>
    public void Step(DateTimeOffset now)
    {
        byte[] output = Inverter.Poll(now);
        if (output.Length > 0)
        {
            Received.Add(output);
        }

        for (int at = 0; at < output.Length; at += ChunkSize)
        {
            Feed(output.AsSpan(at, Math.Min(ChunkSize, output.Length - at)), now);
        }
    }

    /// <summary>Steps from <paramref name="start"/> to <paramref name="end"/> every <paramref name="step"/>.</summary>
    public void Run(DateTimeOffset start, DateTimeOffset end, TimeSpan step)
    {
        for (DateTimeOffset now = start; now <= end; now += step)
        {
            Step(now);
        }
    }

    /// <summary>Makes the held commits and sends their ACKs.</summary>
    public void CommitAll(DateTimeOffset now)
    {
        foreach (SolarEdgeCommit commit in Uncommitted.ToArray())
        {
            Uncommitted.Remove(commit);
            Commit(commit, now);
        }
    }

    /// <summary>Hands <paramref name="bytes"/> to the server as if they came from the inverter.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, DateTimeOffset now)
    {
        byte[] joined = [.. _pending, .. bytes];
        var buffer = new ReadOnlySequence<byte>(joined);
        IReadOnlyList<SolarEdgeServerAction> actions = Server.Receive(ref buffer, now, ClockSynchronized, _random);
        _pending = buffer.ToArray();
        foreach (SolarEdgeServerAction action in actions)
        {
            Actions.Add(action);
            switch (action)
            {
                case SolarEdgeSend send:
                    Deliver(send.Bytes.ToArray(), now);
                    break;
                case SolarEdgeCommit commit when AutoCommit:
                    Commit(commit, now);
                    break;
                case SolarEdgeCommit commit:
                    Uncommitted.Add(commit);
                    break;
            }
        }
    }

    private void Commit(SolarEdgeCommit commit, DateTimeOffset now)
    {
        Journal.Add(commit.Post);
        ReadOnlyMemory<byte> ack = Server.Committed(commit.Token, now, _random);
        if (!ack.IsEmpty)
        {
            Deliver(ack.ToArray(), now);
        }
    }

    private void Deliver(byte[] message, DateTimeOffset now)
    {
        Sent.Add(message);
        if (DropReplies > 0)
        {
            DropReplies--;
            return;
        }

        Inverter.Receive(message, now);
    }
}
