using System.Buffers;
using System.Globalization;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// The monitoring server's side of one inverter TCP connection (spec §5.2), as a pure state machine: the caller
/// feeds received bytes and performs the returned <see cref="SolarEdgeServerAction"/>s in order. Sessions (spec §4)
/// live in an <see cref="InverterSessions"/> shared by every connection. Never throws on bad input.
/// Not thread-safe: one connection, one caller at a time.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>0x0500</term><description>decoded; with a payload → <see cref="SolarEdgeCommit"/>, the ACK comes from
/// <see cref="Committed"/>; empty → ACK at once.</description></item>
/// <item><term>0x0501</term><description>0x0580 (u32 UTC, i32 local offset) at once, unless the clock is not
/// synchronised and <see cref="SolarEdgeServerOptions.RequireSynchronizedClock"/>.</description></item>
/// <item><term>0x0503</term><description>new session, ACK wrapped with the NEW session key; no reply without the
/// inverter's key.</description></item>
/// <item><term>other</term><description>no reply.</description></item>
/// </list>
/// Every reply is wrapped in 0x003D once the inverter has a session (spec §5.2 rules).
/// </remarks>
public sealed partial class SolarEdgeServerSession
{
    private readonly SolarEdgeServerOptions _options;
    private readonly SessionTracker _tracker;
    private readonly InboundMessageStream _inbound;
    private readonly HashSet<FunctionCode> _unhandledReported = [];
    private long _skippedAtLastMessage;
    private long _skippedReported;
    private long _crcErrorsReported;

    /// <summary>A session for one new connection.</summary>
    /// <param name="sessions">Sessions of all inverters, shared by every connection (spec §4.6).</param>
    /// <param name="options">Answering rules; null for the defaults.</param>
    public SolarEdgeServerSession(InverterSessions sessions, SolarEdgeServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _options = options ?? new SolarEdgeServerOptions();
        _tracker = new SessionTracker(sessions);
        _inbound = new InboundMessageStream(_tracker, _options.MaxPayloadLength, detectTls: true);
    }

    /// <summary>The connection's inverter, once a message named it.</summary>
    public uint? Inverter => _tracker.StreamInverter;

    /// <summary>When bytes last arrived (the <c>now</c> of the last <see cref="Receive"/>); the caller's idle timer uses it.</summary>
    public DateTimeOffset? LastActivity { get; private set; }

    /// <summary>When the last valid message arrived.</summary>
    public DateTimeOffset? LastMessage { get; private set; }

    /// <summary>Commits asked for and not yet confirmed by <see cref="Committed"/>.</summary>
    public int PendingCommits { get; private set; }

    /// <summary>Whether the session asked to close; it ignores input from then on.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Counters of this connection.</summary>
    public SolarEdgeServerStatistics Statistics { get; } = new();

    /// <summary>Framing counters (bytes skipped, CRC errors, ...).</summary>
    public FrameReaderStatistics Framing => _inbound.Framer.Statistics;

    /// <summary>
    /// Handles every complete message at the front of <paramref name="buffer"/>; on return it holds the bytes to keep
    /// (an incomplete message) until more arrive. Call it whenever bytes arrive.
    /// </summary>
    /// <param name="buffer">Received bytes not yet consumed (for a pipe: the read buffer; advance to what is left).</param>
    /// <param name="now">Now (UTC is used): the time sent in 0x0580, stored with a 0x0503.</param>
    /// <param name="clockSynchronized">Whether the appliance clock is synchronised (NTP or RTC).</param>
    /// <param name="random">Source of C0, mask and inner-counter start for wrapped replies (spec §4.4).</param>
    /// <returns>What to do, in order.</returns>
    public IReadOnlyList<SolarEdgeServerAction> Receive(ref ReadOnlySequence<byte> buffer, DateTimeOffset now, bool clockSynchronized, RandomBytes random)
        => Handle(ref buffer, now, clockSynchronized, random, flush: false);

    /// <summary>
    /// No more bytes will join <paramref name="buffer"/> soon: the link has been idle while a message was incomplete
    /// (for example 2 s), or the connection ended. Gives up incomplete candidates and handles what is behind them
    /// (spec §1.5 rule 6b).
    /// </summary>
    public IReadOnlyList<SolarEdgeServerAction> Flush(ref ReadOnlySequence<byte> buffer, DateTimeOffset now, bool clockSynchronized, RandomBytes random)
        => Handle(ref buffer, now, clockSynchronized, random, flush: true);

    private List<SolarEdgeServerAction> Handle(ref ReadOnlySequence<byte> buffer, DateTimeOffset now, bool clockSynchronized, RandomBytes random, bool flush)
    {
        ArgumentNullException.ThrowIfNull(random);
        var actions = new List<SolarEdgeServerAction>();
        if (IsClosed)
        {
            buffer = buffer.Slice(buffer.End);
            return actions;
        }

        LastActivity = now;
        while (true)
        {
            uint? knownBefore = _tracker.StreamInverter;
            InboundStatus status = _inbound.Next(ref buffer, now, flush, out TrackedMessage message);
            if (status == InboundStatus.TlsClientHello)
            {
                actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.TlsClientHello, 0,
                    "TLS ClientHello received: the inverter runs TLS firmware (prodssl.solaredge.com)"));
                Close(actions, SolarEdgeCloseReason.TlsClientHello, SolarEdgeClose.TlsGuidance);
                return actions;
            }

            if (status == InboundStatus.NeedMoreData)
            {
                break;
            }

            ReportSkipped(actions);
            _skippedAtLastMessage = Framing.BytesSkipped;
            LastMessage = now;
            Statistics.Messages++;
            if (knownBefore is null && _tracker.StreamInverter is uint identified)
            {
                actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.InverterIdentified, identified,
                    $"inverter {SolarEdgeAddress.Format(identified)} connected"));
            }

            OnMessage(message, now, clockSynchronized, random, actions);
        }

        ReportSkipped(actions);
        long garbage = Framing.BytesSkipped - _skippedAtLastMessage;
        if (garbage > _options.MaxGarbageBytes)
        {
            actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.GarbageFlood, Inverter ?? 0,
                $"{garbage} bytes without a valid SolarEdge message") { Bytes = garbage });
            Close(actions, SolarEdgeCloseReason.GarbageFlood, "the peer sends no SolarEdge messages");
            buffer = buffer.Slice(buffer.End);
        }

        return actions;
    }

    private void OnMessage(scoped in TrackedMessage message, DateTimeOffset now, bool clockSynchronized, RandomBytes random, List<SolarEdgeServerAction> actions)
    {
        uint inverter = message.Inverter != 0 ? message.Inverter : Inverter ?? 0;
        switch (message.Status)
        {
            case DecryptionStatus.Plain or DecryptionStatus.Decrypted:
                break;
            case DecryptionStatus.NoKey:
                Statistics.UndecryptedWrappers++;
                actions.Add(WithoutKey(inverter, message.Outer));
                return;
            case DecryptionStatus.NoSession:
                Statistics.UndecryptedWrappers++;
                actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.WrapperWithoutSession, inverter,
                    "encrypted message before any session announcement (0x0503); waiting for the inverter to re-key") { Sequence = message.Outer.Sequence });
                return;
            default:
                Statistics.UndecryptedWrappers++;
                actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.WrapperUndecryptable, inverter,
                    $"encrypted message not decrypted: {message.Status}") { Sequence = message.Outer.Sequence, Bytes = message.Payload.Length });
                return;
        }

        SolarEdgeHeader header = message.Header;
        switch (header.Function)
        {
            case FunctionCode.CmdServerPostData:
                OnPost(message, now, random, actions);
                break;
            case FunctionCode.CmdServerGetGmt:
                OnTimeRequest(header, now, clockSynchronized, random, actions);
                break;
            case FunctionCode.ServerSessionKey:
                OnSessionKey(message, random, actions);
                break;
            case FunctionCode.RespAck or FunctionCode.RespNack:
                break; // answers to nothing we sent; no reply (spec §5.2)
            default:
                if (_unhandledReported.Add(header.Function))
                {
                    actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.UnhandledFunction, inverter,
                        string.Create(CultureInfo.InvariantCulture, $"function 0x{(ushort)header.Function:X4} not answered"))
                    { Sequence = header.Sequence, Function = header.Function });
                }

                break;
        }
    }

    private void OnPost(scoped in TrackedMessage message, DateTimeOffset now, RandomBytes random, List<SolarEdgeServerAction> actions)
    {
        SolarEdgeHeader header = message.Header;
        TelemetryDecodeResult? telemetry = message.Payload.IsEmpty ? null : TelemetryDecoder.Decode(message.Payload, header.Source);
        var post = new SolarEdgePost(header.Source, header.Sequence, now, message.IsWrapper, telemetry)
        {
            Payload = telemetry is null ? ReadOnlyMemory<byte>.Empty : message.Payload.ToArray(),
        };
        Statistics.Posts++;
        actions.Add(PostEvent(post));
        SolarEdgeHeader ack = header.ReplyWith(FunctionCode.RespAck); // spec §5.2
        if (post.IsEmpty)
        {
            Statistics.EmptyPosts++;
            AddReply(actions, ack, [], random); // nothing to make durable: ACK at once
            return;
        }

        Statistics.Commits++;
        PendingCommits++;
        actions.Add(new SolarEdgeCommit(post, new SolarEdgeCommitToken(this, ack)));
    }

    private void OnTimeRequest(in SolarEdgeHeader header, DateTimeOffset now, bool clockSynchronized, RandomBytes random, List<SolarEdgeServerAction> actions)
    {
        if (!clockSynchronized && _options.RequireSynchronizedClock)
        {
            Statistics.TimeRefusals++;
            actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.ClockNotSynchronised, header.Source,
                "time request not answered: the appliance clock is not synchronised") { Sequence = header.Sequence, Function = header.Function });
            return;
        }

        Span<byte> payload = stackalloc byte[ServerTimePayload.Length];
        TimeSpan offset = _options.UtcOffset(now);
        ServerTimePayload.Write(payload, now, offset);
        if (AddReply(actions, header.ReplyWith(FunctionCode.RespServerGmt), payload, random))
        {
            Statistics.TimeReplies++;
            actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.TimeSent, header.Source,
                string.Create(CultureInfo.InvariantCulture, $"time sent: {now.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, offset {offset}"))
            { Sequence = header.Sequence, Function = header.Function });
        }
    }

    private void OnSessionKey(scoped in TrackedMessage message, RandomBytes random, List<SolarEdgeServerAction> actions)
    {
        SolarEdgeHeader header = message.Header;
        switch (message.SessionChange)
        {
            case SessionChange.Started:
                actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.SessionStarted, header.Source,
                    "session key exchange (0x0503): new session key derived") { Sequence = header.Sequence, Function = header.Function });

                // spec §5.2: the ACK goes out wrapped with the NEW session key; a plaintext ACK silences the inverter.
                AddReply(actions, header.ReplyWith(FunctionCode.RespAck), [], random);
                break;
            case SessionChange.StartedWithoutKey:
                actions.Add(WithoutKey(header.Source, header));
                break;
            default:
                actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.UndecodableData, header.Source,
                    $"session key announcement with {message.Payload.Length} payload bytes instead of 34 ignored")
                { Sequence = header.Sequence, Function = header.Function, Bytes = message.Payload.Length });
                break;
        }
    }

    private static SolarEdgeServerEvent PostEvent(SolarEdgePost post)
    {
        TelemetryDecodeResult? t = post.Telemetry;
        string text = t is null
            ? "empty post"
            : string.Create(CultureInfo.InvariantCulture, $"post: {t.RecordCount} records, {t.Readings.Count} readings, {t.UnknownRecords.Count} not decoded");
        return new SolarEdgeServerEvent(SolarEdgeServerEventKind.PostDecoded, post.Inverter, text)
        {
            Sequence = post.Sequence,
            Function = FunctionCode.CmdServerPostData,
            Records = t?.RecordCount ?? 0,
            Readings = t?.Readings.Count ?? 0,
            UnknownRecords = t?.UnknownRecords.Count ?? 0,
        };
    }

    private static SolarEdgeServerEvent WithoutKey(uint inverter, in SolarEdgeHeader header)
        => new(SolarEdgeServerEventKind.EncryptedInverterWithoutKey, inverter,
            $"encrypted inverter without key: add the key of {SolarEdgeAddress.Format(inverter)} to serve it")
        { Sequence = header.Sequence, Function = header.Function };

    private void ReportSkipped(List<SolarEdgeServerAction> actions)
    {
        long skipped = Framing.BytesSkipped - _skippedReported;
        long crc = Framing.CrcErrors - _crcErrorsReported;
        if (skipped == 0 && crc == 0)
        {
            return;
        }

        _skippedReported = Framing.BytesSkipped;
        _crcErrorsReported = Framing.CrcErrors;
        actions.Add(new SolarEdgeServerEvent(SolarEdgeServerEventKind.UndecodableData, Inverter ?? 0,
            string.Create(CultureInfo.InvariantCulture, $"{skipped} bytes skipped, {crc} CRC errors")) { Bytes = skipped });
    }

    private void Close(List<SolarEdgeServerAction> actions, SolarEdgeCloseReason reason, string guidance)
    {
        IsClosed = true;
        actions.Add(new SolarEdgeClose(reason, guidance));
    }
}
