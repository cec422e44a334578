using System.Buffers;
using System.Globalization;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// Decodes a copy of a relayed connection (inverter ⇄ real SolarEdge server): the caller forwards every byte
/// unchanged and hands the same bytes to this tap, which never replies. Feeding the server→inverter direction too
/// lets the session tracker follow both sides (spec §4, §5.4 rule 5). Both directions share one
/// <see cref="SessionTracker"/>, so feed them from one task (or one at a time). Never throws on bad input.
/// </summary>
public sealed class SolarEdgeRelayTap
{
    private readonly SessionTracker _tracker;
    private readonly InboundMessageStream _fromInverter;
    private readonly InboundMessageStream _fromServer;

    /// <summary>A tap for one relayed connection.</summary>
    /// <param name="sessions">Sessions of all inverters, shared with the server sessions and other taps.</param>
    /// <param name="maxPayloadLength">Cap on declared payload lengths (spec §1.5 rule 6a).</param>
    public SolarEdgeRelayTap(InverterSessions sessions, int maxPayloadLength = SolarEdgeWire.DefaultMaxPayloadLength)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _tracker = new SessionTracker(sessions);
        _fromInverter = new InboundMessageStream(_tracker, maxPayloadLength, detectTls: true);
        _fromServer = new InboundMessageStream(_tracker, maxPayloadLength, detectTls: false);
    }

    /// <summary>The connection's inverter, once a message named it.</summary>
    public uint? Inverter => _tracker.StreamInverter;

    /// <summary>Whether the inverter opened with a TLS ClientHello (nothing of it can be decoded).</summary>
    public bool IsTls => _fromInverter.IsTls;

    /// <summary>Counters of this connection (replies are never produced).</summary>
    public SolarEdgeServerStatistics Statistics { get; } = new();

    /// <summary>Framing counters of the inverter→server direction.</summary>
    public FrameReaderStatistics InverterFraming => _fromInverter.Framer.Statistics;

    /// <summary>
    /// Decodes the inverter→server bytes at the front of <paramref name="buffer"/>; on return it holds the bytes to keep.
    /// </summary>
    /// <param name="buffer">Bytes the inverter sent, not yet decoded.</param>
    /// <param name="now">When they arrived.</param>
    /// <param name="flush">True when no more bytes will join them soon (idle link, end of stream, spec §1.5 rule 6b).</param>
    public SolarEdgeTapBatch FromInverter(ref ReadOnlySequence<byte> buffer, DateTimeOffset now, bool flush = false)
    {
        List<SolarEdgePost>? posts = null;
        List<SolarEdgeServerEvent>? events = null;
        long skippedBefore = InverterFraming.BytesSkipped;
        while (true)
        {
            uint? knownBefore = _tracker.StreamInverter;
            InboundStatus status = _fromInverter.Next(ref buffer, now, flush, out TrackedMessage message);
            if (status == InboundStatus.NeedMoreData)
            {
                break;
            }

            if (status == InboundStatus.TlsClientHello)
            {
                (events ??= []).Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.TlsClientHello, 0, SolarEdgeClose.TlsGuidance));
                break;
            }

            Statistics.Messages++;
            if (knownBefore is null && _tracker.StreamInverter is uint identified)
            {
                (events ??= []).Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.InverterIdentified, identified,
                    $"inverter {SolarEdgeAddress.Format(identified)} connected (relayed)"));
            }

            OnInverterMessage(message, now, ref posts, ref events);
        }

        long skipped = InverterFraming.BytesSkipped - skippedBefore;
        if (skipped > 0)
        {
            (events ??= []).Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.UndecodableData, Inverter ?? 0,
                string.Create(CultureInfo.InvariantCulture, $"{skipped} bytes skipped")) { Bytes = skipped });
        }

        return posts is null && events is null ? SolarEdgeTapBatch.Empty : new SolarEdgeTapBatch(posts ?? [], events ?? []);
    }

    /// <summary>
    /// Follows the server→inverter bytes at the front of <paramref name="buffer"/> (its wrappers, commands, ACKs);
    /// on return it holds the bytes to keep. Only failures to open the server's wrappers are reported.
    /// </summary>
    public SolarEdgeTapBatch FromServer(ref ReadOnlySequence<byte> buffer, DateTimeOffset now, bool flush = false)
    {
        List<SolarEdgeServerEvent>? events = null;
        while (_fromServer.Next(ref buffer, now, flush, out TrackedMessage message) == InboundStatus.Message)
        {
            if (message.Status is not (DecryptionStatus.Plain or DecryptionStatus.Decrypted or DecryptionStatus.NoKey))
            {
                Statistics.UndecryptedWrappers++;
                (events ??= []).Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.WrapperUndecryptable, message.Inverter,
                    $"server's encrypted message not decrypted: {message.Status}") { Sequence = message.Outer.Sequence });
            }
        }

        return events is null ? SolarEdgeTapBatch.Empty : new SolarEdgeTapBatch([], events);
    }

    private void OnInverterMessage(scoped in TrackedMessage message, DateTimeOffset now, ref List<SolarEdgePost>? posts, ref List<SolarEdgeServerEvent>? events)
    {
        uint inverter = message.Inverter != 0 ? message.Inverter : Inverter ?? 0;
        SolarEdgeHeader header = message.Header;
        SolarEdgeServerEvent? report = message.Status switch
        {
            DecryptionStatus.Plain or DecryptionStatus.Decrypted => null,
            DecryptionStatus.NoKey => new(SolarEdgeServerEventKind.EncryptedInverterWithoutKey, inverter,
                $"encrypted inverter without key: add the key of {SolarEdgeAddress.Format(inverter)} to decode the relayed data"),
            DecryptionStatus.NoSession => new(SolarEdgeServerEventKind.WrapperWithoutSession, inverter,
                "encrypted message before any session announcement (0x0503)"),
            _ => new(SolarEdgeServerEventKind.WrapperUndecryptable, inverter, $"encrypted message not decrypted: {message.Status}"),
        };
        if (report is not null)
        {
            Statistics.UndecryptedWrappers++;
            (events ??= []).Add(report with { Sequence = message.Outer.Sequence });
            return;
        }

        if (message.SessionChange is SessionChange.Started or SessionChange.StartedWithoutKey)
        {
            bool keyed = message.SessionChange == SessionChange.Started;
            (events ??= []).Add(new SolarEdgeServerEvent(
                keyed ? SolarEdgeServerEventKind.SessionStarted : SolarEdgeServerEventKind.EncryptedInverterWithoutKey, header.Source,
                keyed ? "session key exchange (0x0503) followed" : $"encrypted inverter without key: add the key of {SolarEdgeAddress.Format(header.Source)} to decode the relayed data")
            { Sequence = header.Sequence, Function = header.Function });
            return;
        }

        if (header.Function != FunctionCode.CmdServerPostData)
        {
            return;
        }

        TelemetryDecodeResult? telemetry = message.Payload.IsEmpty ? null : TelemetryDecoder.Decode(message.Payload, header.Source);
        var post = new SolarEdgePost(header.Source, header.Sequence, now, message.IsWrapper, telemetry)
        {
            Payload = telemetry is null ? ReadOnlyMemory<byte>.Empty : message.Payload.ToArray(),
        };
        Statistics.Posts++;
        Statistics.EmptyPosts += post.IsEmpty ? 1 : 0;
        (posts ??= []).Add(post);
        (events ??= []).Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.PostDecoded, post.Inverter,
            post.IsEmpty ? "empty post (relayed)" : string.Create(CultureInfo.InvariantCulture, $"post (relayed): {telemetry!.RecordCount} records, {telemetry.Readings.Count} readings"))
        {
            Sequence = post.Sequence,
            Function = header.Function,
            Records = telemetry?.RecordCount ?? 0,
            Readings = telemetry?.Readings.Count ?? 0,
            UnknownRecords = telemetry?.UnknownRecords.Count ?? 0,
        });
    }
}
