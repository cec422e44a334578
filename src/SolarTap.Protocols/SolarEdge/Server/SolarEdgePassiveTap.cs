using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.SolarEdge.Crypto;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// Decodes SolarEdge connections seen passively (a bridge capture, spec §5.4) from the streams a
/// <see cref="TcpReassembler"/> rebuilds: both directions of each connection go to one <see cref="SolarEdgeRelayTap"/>,
/// so the inverter's key exchange and the server's wrappers are followed as in relay mode, and every connection shares
/// one set of inverter sessions. The side whose port is a server port is the server; the other is the inverter.
/// Results queue up until <see cref="TakeBatches"/>. Not thread-safe (the reassembler calls it from one thread).
/// Never throws on bad input.
/// </summary>
public sealed class SolarEdgePassiveTap : ITcpStreamConsumer
{
    private readonly InverterSessions _sessions;
    private readonly HashSet<ushort> _serverPorts;
    private readonly int _maxPayloadLength;
    private readonly Dictionary<TcpFlowKey, Connection> _connections = [];
    private List<SolarEdgeConnectionBatch> _batches = [];

    /// <summary>A tap for connections to <paramref name="serverPorts"/>, sharing <paramref name="sessions"/>.</summary>
    /// <param name="sessions">Sessions of all inverters (keys, spec §4).</param>
    /// <param name="serverPorts">The SolarEdge server's ports (spec §5.1: 22222, 22221, 80).</param>
    /// <param name="maxPayloadLength">Cap on declared payload lengths (spec §1.5 rule 6a).</param>
    public SolarEdgePassiveTap(InverterSessions sessions, IEnumerable<ushort> serverPorts, int maxPayloadLength = SolarEdgeWire.DefaultMaxPayloadLength)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(serverPorts);
        _sessions = sessions;
        _serverPorts = [.. serverPorts];
        _maxPayloadLength = maxPayloadLength;
    }

    /// <summary>Capture time of the bytes being delivered, in Unix nanoseconds (set it from the reassembler's clock).</summary>
    public Func<long> CaptureTimeNanoseconds { get; set; } = () => 0;

    /// <summary>Connections being followed.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>Posts decoded so far, over all connections.</summary>
    public long Posts { get; private set; }

    /// <summary>Bytes skipped because they were not SolarEdge messages, or could not be framed, over all connections.</summary>
    public long BytesSkipped { get; private set; }

    /// <summary>Returns what was decoded since the last call, in order, and forgets it.</summary>
    public IReadOnlyList<SolarEdgeConnectionBatch> TakeBatches()
    {
        if (_batches.Count == 0)
        {
            return [];
        }

        List<SolarEdgeConnectionBatch> taken = _batches;
        _batches = [];
        return taken;
    }

    /// <inheritdoc />
    public void OnData(in TcpFlowKey flow, ReadOnlySpan<byte> data)
    {
        bool fromInverter = IsFromInverter(flow);
        TcpFlowKey key = fromInverter ? flow : flow.Reverse();
        if (!_connections.TryGetValue(key, out Connection? connection))
        {
            connection = new Connection(new SolarEdgeRelayTap(_sessions, _maxPayloadLength));
            _connections.Add(key, connection);
        }

        Direction direction = fromInverter ? connection.FromInverter : connection.FromServer;
        direction.Open = true;
        direction.Append(data);
        Decode(key, connection, fromInverter, flush: false);
    }

    /// <inheritdoc />
    public void OnGap(in TcpFlowKey flow, long length)
    {
        bool fromInverter = IsFromInverter(flow);
        TcpFlowKey key = fromInverter ? flow : flow.Reverse();
        if (_connections.TryGetValue(key, out Connection? connection))
        {
            // Bytes before a gap never join the bytes after it: decode what is whole, drop the rest (spec §1.5).
            Decode(key, connection, fromInverter, flush: true);
            (fromInverter ? connection.FromInverter : connection.FromServer).Clear();
        }
    }

    /// <inheritdoc />
    public void OnClosed(in TcpFlowKey flow, TcpCloseReason reason)
    {
        bool fromInverter = IsFromInverter(flow);
        TcpFlowKey key = fromInverter ? flow : flow.Reverse();
        if (!_connections.TryGetValue(key, out Connection? connection))
        {
            return;
        }

        Decode(key, connection, fromInverter, flush: true);
        Direction direction = fromInverter ? connection.FromInverter : connection.FromServer;
        direction.Clear();
        direction.Open = false;
        direction.Closed = true;
        Direction other = fromInverter ? connection.FromServer : connection.FromInverter;
        if (other.Closed || !other.Open)
        {
            // Both directions are done (or the other was never seen: a one-sided capture).
            _connections.Remove(key);
        }
    }

    /// <summary>Whether <paramref name="flow"/> goes from the inverter to the server: its destination is a server port
    /// (when both or neither ports are, the lower port is taken for the server's).</summary>
    private bool IsFromInverter(in TcpFlowKey flow)
    {
        bool toServer = _serverPorts.Contains(flow.DestinationPort);
        bool fromServer = _serverPorts.Contains(flow.SourcePort);
        return toServer == fromServer ? flow.DestinationPort < flow.SourcePort : toServer;
    }

    private void Decode(in TcpFlowKey key, Connection connection, bool fromInverter, bool flush)
    {
        Direction direction = fromInverter ? connection.FromInverter : connection.FromServer;
        if (direction.Length == 0)
        {
            return;
        }

        DateTimeOffset now = DateTimeOffset.UnixEpoch.AddTicks(CaptureTimeNanoseconds() / 100);
        var buffer = new ReadOnlySequence<byte>(direction.Buffer, 0, direction.Length);
        long skippedBefore = connection.Tap.InverterFraming.BytesSkipped;
        SolarEdgeTapBatch batch = fromInverter
            ? connection.Tap.FromInverter(ref buffer, now, flush)
            : connection.Tap.FromServer(ref buffer, now, flush);
        BytesSkipped += connection.Tap.InverterFraming.BytesSkipped - skippedBefore;
        direction.Keep((int)buffer.Length);
        if (batch.Posts.Count > 0 || batch.Events.Count > 0)
        {
            Posts += batch.Posts.Count;
            _batches.Add(new SolarEdgeConnectionBatch(key, batch));
        }
    }

    /// <summary>The two directions of one connection and its tap.</summary>
    private sealed class Connection(SolarEdgeRelayTap tap)
    {
        public SolarEdgeRelayTap Tap { get; } = tap;

        public Direction FromInverter { get; } = new();

        public Direction FromServer { get; } = new();
    }

    /// <summary>The bytes of one direction not yet decoded.</summary>
    private sealed class Direction
    {
        public byte[] Buffer { get; private set; } = new byte[1024];

        public int Length { get; private set; }

        public bool Open { get; set; }

        public bool Closed { get; set; }

        public void Append(ReadOnlySpan<byte> data)
        {
            if (Length + data.Length > Buffer.Length)
            {
                byte[] larger = new byte[Math.Max(Buffer.Length * 2, Length + data.Length)];
                Buffer.AsSpan(0, Length).CopyTo(larger);
                Buffer = larger;
            }

            data.CopyTo(Buffer.AsSpan(Length));
            Length += data.Length;
        }

        /// <summary>Keeps the last <paramref name="remaining"/> bytes (an incomplete message) at the front.</summary>
        public void Keep(int remaining)
        {
            Buffer.AsSpan(Length - remaining, remaining).CopyTo(Buffer);
            Length = remaining;
        }

        public void Clear() => Length = 0;
    }
}
