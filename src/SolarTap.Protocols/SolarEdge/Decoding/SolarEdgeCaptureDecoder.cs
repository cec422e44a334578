using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.SolarEdge.Crypto;

namespace SolarTap.Protocols.SolarEdge.Decoding;

/// <summary>
/// Decodes the reassembled TCP flows of a capture (spec §5.4 rule 5): one <see cref="SolarEdgeStreamDecoder"/> per
/// flow, all sharing one set of inverter sessions, so a session announced on one connection opens the wrappers of
/// the next. After a gap in a flow the bytes before it are given up and decoding resynchronises at the next message.
/// </summary>
public sealed class SolarEdgeCaptureDecoder : ITcpStreamConsumer
{
    private readonly InverterSessions _sessions;
    private readonly ISolarEdgeMessageSink _sink;
    private readonly Dictionary<TcpFlowKey, FlowStream> _flows = [];

    /// <summary>A decoder whose flows share <paramref name="sessions"/> and report to <paramref name="sink"/>.</summary>
    public SolarEdgeCaptureDecoder(InverterSessions sessions, ISolarEdgeMessageSink sink, DecodeStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(statistics);
        _sessions = sessions;
        _sink = sink;
        Statistics = statistics;
    }

    /// <summary>Counters over all flows.</summary>
    public DecodeStatistics Statistics { get; }

    /// <summary>Optional: sees every message of every flow as sent (see <see cref="SolarEdgeStreamDecoder.FrameObserver"/>).</summary>
    public ISolarEdgeFrameObserver? FrameObserver { get; init; }

    /// <summary>Capture time of the bytes being delivered, in Unix nanoseconds (set from the reassembler's clock).</summary>
    public Func<long> CaptureTimeNanoseconds { get; set; } = () => 0;

    /// <inheritdoc />
    public void OnData(in TcpFlowKey flow, ReadOnlySpan<byte> data)
    {
        if (!_flows.TryGetValue(flow, out FlowStream? stream))
        {
            stream = new FlowStream(new SolarEdgeStreamDecoder(new SessionTracker(_sessions), _sink, Statistics)
            {
                FrameObserver = FrameObserver,
            });
            _flows.Add(flow, stream);
        }

        stream.Append(data);
        stream.Decode(Now(), complete: false);
    }

    /// <inheritdoc />
    public void OnGap(in TcpFlowKey flow, long length)
    {
        if (_flows.TryGetValue(flow, out FlowStream? stream))
        {
            // Bytes before a gap never join the bytes after it: decode what is whole, drop the rest.
            stream.Decode(Now(), complete: true);
        }
    }

    /// <inheritdoc />
    public void OnClosed(in TcpFlowKey flow, TcpCloseReason reason)
    {
        if (_flows.Remove(flow, out FlowStream? stream))
        {
            stream.Decode(Now(), complete: true);
        }
    }

    private DateTimeOffset Now()
    {
        long nanoseconds = CaptureTimeNanoseconds();
        return DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
    }

    /// <summary>The bytes of one flow not yet decoded, and its decoder.</summary>
    private sealed class FlowStream(SolarEdgeStreamDecoder decoder)
    {
        private byte[] _buffer = new byte[4096];
        private int _length;

        public void Append(ReadOnlySpan<byte> data)
        {
            if (_length + data.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + data.Length));
            }

            data.CopyTo(_buffer.AsSpan(_length));
            _length += data.Length;
        }

        public void Decode(DateTimeOffset receivedAt, bool complete)
        {
            var buffer = new ReadOnlySequence<byte>(_buffer, 0, _length);
            if (complete)
            {
                decoder.Complete(ref buffer, receivedAt);
            }
            else
            {
                decoder.Decode(ref buffer, receivedAt);
            }

            int remaining = (int)buffer.Length;
            _buffer.AsSpan(_length - remaining, remaining).CopyTo(_buffer);
            _length = remaining;
        }
    }
}
