using System.Buffers;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Decoding;

/// <summary>
/// Decodes one byte stream (a TCP connection, a serial line, a capture file): frames it (spec §1.5), opens
/// encrypted wrappers with the stream's <see cref="SessionTracker"/> (spec §4), decodes 0x0500 telemetry (spec §3)
/// and hands each message to a sink. Bad input is counted and skipped; nothing here throws on it.
/// </summary>
public sealed class SolarEdgeStreamDecoder
{
    private readonly SessionTracker _tracker;
    private readonly ISolarEdgeMessageSink _sink;
    private readonly DecodeStatistics _statistics;
    private readonly ScratchBuffer _scratch = new();

    /// <summary>A decoder for one stream.</summary>
    /// <param name="tracker">The stream's session tracker (sharing sessions with other streams).</param>
    /// <param name="sink">Receives every message.</param>
    /// <param name="statistics">Counters shared by the streams of a run.</param>
    /// <param name="maxPayloadLength">Cap on declared payload lengths (spec §1.5 rule 6a).</param>
    public SolarEdgeStreamDecoder(SessionTracker tracker, ISolarEdgeMessageSink sink, DecodeStatistics statistics,
        int maxPayloadLength = SolarEdgeWire.DefaultMaxPayloadLength)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(statistics);
        _tracker = tracker;
        _sink = sink;
        _statistics = statistics;
        Framer = new SolarEdgeFrameReader(maxPayloadLength);
        statistics.Track(Framer.Statistics);
    }

    /// <summary>Optional: sees every message as sent, before unwrapping (for writing a clean raw stream).</summary>
    public ISolarEdgeFrameObserver? FrameObserver { get; init; }

    /// <summary>The stream's framer, for its counters.</summary>
    public SolarEdgeFrameReader Framer { get; }

    /// <summary>
    /// Decodes every complete message at the front of <paramref name="buffer"/>; what remains is an incomplete
    /// message (or the start of one) to keep until more bytes arrive.
    /// </summary>
    /// <param name="buffer">Received bytes; on return, the bytes still to keep.</param>
    /// <param name="receivedAt">When these bytes arrived (stored with a session announcement).</param>
    public void Decode(ref ReadOnlySequence<byte> buffer, DateTimeOffset receivedAt)
    {
        while (Framer.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            Handle(frame, receivedAt);
        }
    }

    /// <summary>
    /// No more bytes will join <paramref name="buffer"/>: at the end of input, after a gap in a capture, or when a
    /// live link has been idle (spec §1.5 rule 6b). Gives up incomplete candidates and decodes what is behind them.
    /// </summary>
    public void Complete(ref ReadOnlySequence<byte> buffer, DateTimeOffset receivedAt)
    {
        Decode(ref buffer, receivedAt);
        while (Framer.AbandonCandidate(ref buffer))
        {
            Decode(ref buffer, receivedAt);
        }
    }

    private void Handle(in SolarEdgeFrame frame, DateTimeOffset receivedAt)
    {
        FrameObserver?.OnFrame(frame);
        TrackedMessage message = _tracker.Process(frame, receivedAt, _scratch.For((int)frame.Payload.Length));
        TelemetryDecodeResult? telemetry = null;
        if (message.Status is DecryptionStatus.Plain or DecryptionStatus.Decrypted
            && message.Header.Function == FunctionCode.CmdServerPostData)
        {
            if (_sink is IPackedOptimizerSink { TakesPackedOptimizerPosts: true } packed
                && PackedOptimizerJsonWriter.IsPackedOnly(message.Payload, out int records))
            {
                _statistics.RecordPackedOptimizers(message, records);
                packed.OnPackedOptimizers(message, records);
                return;
            }

            telemetry = TelemetryDecoder.Decode(message.Payload, message.Header.Source);
        }

        _statistics.Record(message, telemetry);
        _sink.OnMessage(message, telemetry);
    }
}
