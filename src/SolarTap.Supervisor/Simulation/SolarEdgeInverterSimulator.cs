using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;

namespace SolarTap.Supervisor.Simulation;

/// <summary>
/// A SolarEdge inverter in network mode (spec §5.1), without sockets: <see cref="Poll"/> gives the bytes to send at a
/// (simulated) time, <see cref="Receive"/> takes the server's bytes. Encrypted when a key is configured: 0x0503 first,
/// then every message wrapped in 0x003D; the server's wrapped replies are opened with the simulator's own session.
/// Posts every interval; one post is in flight at a time and is re-sent unchanged until ACKed; newer posts queue
/// behind it. Asks the time now and then and applies the answer to its clock. Everything it expects but does not get
/// right is listed in <see cref="Problems"/>. Deterministic for a given seed and sequence of calls.
/// </summary>
public sealed partial class SolarEdgeInverterSimulator : IDisposable
{
    private readonly SimulatedInverterOptions _options;
    private readonly Random _random;
    private readonly SolarEdgeFrameReader _framer = new();
    private readonly Queue<SimulatedMessage> _queue = new();
    private readonly List<byte> _received = [];
    private readonly byte[] _scratch = new byte[SolarEdgeWire.MaxPayloadLength];
    private readonly byte[]? _announcementPayload;
    private ushort _sequence;
    private uint _lastTimestamp;
    private ushort _wrapperCounter;
    private SessionCipher? _cipher;
    private SimulatedMessage? _announcement;
    private SimulatedMessage? _timeRequest;
    private DateTimeOffset _nextPostAt;
    private int _postsSinceTimeRequest;
    private bool _timeRequestDue;

    /// <summary>An inverter that starts at true time <paramref name="start"/>.</summary>
    public SolarEdgeInverterSimulator(SimulatedInverterOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = new Random(options.Seed);
        _sequence = options.FirstSequence;
        _nextPostAt = start;
        _timeRequestDue = options.TimeRequestEveryPosts > 0;
        ClockCorrection = options.ClockError;
        Plant = new SimulatedPlant(options, start);
        if (options.Key is not null)
        {
            _announcementPayload = options.SessionAnnouncement?.ToArray() ?? RandomBytes(SessionKeyAnnouncement.PayloadLength);
            if (_announcementPayload.Length != SessionKeyAnnouncement.PayloadLength)
            {
                throw new ArgumentException("The session announcement has 34 bytes (R1, R2, 2 unused).", nameof(options));
            }
        }
    }

    /// <summary>The inverter's ID.</summary>
    public uint InverterId => _options.InverterId;

    /// <summary>The energy and telemetry model.</summary>
    public SimulatedPlant Plant { get; }

    /// <summary>Whether the simulator encrypts (a key is configured).</summary>
    public bool IsEncrypted => _options.Key is not null;

    /// <summary>Whether the server ACKed the 0x0503 inside a wrapper made with the new session (spec §5.2).</summary>
    public bool SessionAcknowledged { get; private set; }

    /// <summary>The inverter clock minus true time; a 0x0580 sets it to the server's clock.</summary>
    public TimeSpan ClockCorrection { get; private set; }

    /// <summary>The last 0x0580 answer: UTC time and local offset.</summary>
    public (DateTimeOffset Utc, TimeSpan Offset)? LastServerTime { get; private set; }

    /// <summary>Posts made so far, in order (the first may still be in flight or queued).</summary>
    public List<SimulatedMessage> Posts { get; } = [];

    /// <summary>Sequence numbers of the posts ACKed, in order.</summary>
    public List<ushort> AcknowledgedPosts { get; } = [];

    /// <summary>Per acknowledged post, the time from its last send to its ACK (in the times given to Poll and Receive).</summary>
    public List<TimeSpan> AckLatencies { get; } = [];

    /// <summary>Whether every post allowed by <see cref="SimulatedInverterOptions.PostLimit"/> was made and acknowledged.</summary>
    public bool AllPostsAcknowledged => _options.PostLimit is int limit && AcknowledgedPosts.Count >= limit;

    /// <summary>The post waiting for its ACK.</summary>
    public SimulatedMessage? InFlight { get; private set; }

    /// <summary>Posts made but not yet sent.</summary>
    public int Queued => _queue.Count;

    /// <summary>Messages sent again because no answer came in time.</summary>
    public int Resends { get; private set; }

    /// <summary>Second answers to a message already answered (the server answered a re-send).</summary>
    public int DuplicateAcks { get; private set; }

    /// <summary>Time requests sent and answered.</summary>
    public int TimeRequestsAnswered { get; private set; }

    /// <summary>Everything the server got wrong, one line each.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The bytes to send at true time <paramref name="now"/>; empty when there is nothing to send.</summary>
    public byte[] Poll(DateTimeOffset now)
    {
        var output = new List<byte>();
        if (IsEncrypted && !SessionAcknowledged)
        {
            _announcement ??= Originate(FunctionCode.ServerSessionKey, _announcementPayload!, wrap: false);
            SendIfDue(_announcement, now, output);
            return [.. output]; // nothing else until the server has taken the session (spec §5.2)
        }

        if (_timeRequestDue && _timeRequest is null)
        {
            _timeRequest = Originate(FunctionCode.CmdServerGetGmt, [], IsEncrypted);
            _timeRequestDue = false;
        }

        if (_timeRequest is not null)
        {
            SendIfDue(_timeRequest, now, output);
        }

        for (int made = 0; now >= _nextPostAt && made < 1000 && Posts.Count < (_options.PostLimit ?? int.MaxValue); made++)
        {
            MakePost(_nextPostAt);
            _nextPostAt += _options.PostInterval;
        }

        if (InFlight is null && _queue.TryDequeue(out SimulatedMessage? next))
        {
            InFlight = next;
        }

        if (InFlight is not null)
        {
            SendIfDue(InFlight, now, output);
        }

        return [.. output];
    }

    /// <summary>When <see cref="Poll"/> next has something to do (a post or a re-send is due).</summary>
    public DateTimeOffset NextDue
    {
        get
        {
            DateTimeOffset due = _nextPostAt;
            foreach (SimulatedMessage? m in (SimulatedMessage?[])[_announcement, _timeRequest, InFlight])
            {
                if (m?.SentAt is DateTimeOffset sent && sent + _options.ReplyTimeout < due)
                {
                    due = sent + _options.ReplyTimeout;
                }
            }

            return due;
        }
    }

    /// <summary>The connection was lost: whatever is unanswered is sent again on the next <see cref="Poll"/>.</summary>
    public void Disconnected()
    {
        _received.Clear();
        foreach (SimulatedMessage? m in (SimulatedMessage?[])[_announcement, _timeRequest, InFlight])
        {
            m?.SentAt = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _cipher?.Dispose();

    private void SendIfDue(SimulatedMessage message, DateTimeOffset now, List<byte> output)
    {
        if (message.SentAt is DateTimeOffset sent && now - sent < _options.ReplyTimeout)
        {
            return;
        }

        if (message.Sends > 0)
        {
            Resends++; // same sequence, same content (spec §1.4, issue #178)
        }

        message.SentAt = now;
        message.Sends++;
        output.AddRange(message.Wire);
    }

    private void MakePost(DateTimeOffset at)
    {
        // Each post carries a later second than the last, as a real inverter's (minutes apart) do: posts made faster
        // than once a second would otherwise repeat (device, timestamp), which the journal treats as re-sends. A
        // clock set back by the server's time reply (a jump of a minute or more) is followed as it is.
        uint timestamp = (uint)(at + ClockCorrection).ToUnixTimeSeconds();
        if (timestamp <= _lastTimestamp && _lastTimestamp - timestamp < 60)
        {
            timestamp = _lastTimestamp + 1;
        }

        _lastTimestamp = timestamp;
        byte[] payload = Plant.NextPayload(at, timestamp);
        SimulatedMessage post = Originate(FunctionCode.CmdServerPostData, payload, IsEncrypted);
        Posts.Add(post);
        _queue.Enqueue(post);
        if (_options.TimeRequestEveryPosts > 0 && ++_postsSinceTimeRequest >= _options.TimeRequestEveryPosts)
        {
            _postsSinceTimeRequest = 0;
            _timeRequestDue = true;
        }
    }

    private SimulatedMessage Originate(FunctionCode function, byte[] payload, bool wrap)
    {
        var header = new SolarEdgeHeader(_sequence++, _options.InverterId, SolarEdgeAddress.Server, function);
        byte[] inner = SolarEdgeFrameWriter.ToArray(header, payload);
        if (function == FunctionCode.ServerSessionKey)
        {
            // The simulator's side of the key exchange (spec §4.3): S = AES_K(R1) XOR R2.
            _cipher?.Dispose();
            if (!SessionKeyAnnouncement.TryParse(payload, out SessionKeyAnnouncement? announcement, out string? error))
            {
                throw new InvalidOperationException(error);
            }

            _cipher = SessionCipher.FromAnnouncement(_options.Key!, announcement!);
        }

        if (!wrap)
        {
            return new SimulatedMessage(header, inner, inner, payload);
        }

        // The inverter's own wrapper: its ID → 0xFFFFFFFE (spec §4.4), outer sequence = the inner message's.
        byte[] counterAndMask = RandomBytes(EncryptedWrapper.CounterLength + EncryptedWrapper.MaskLength);
        var wire = new byte[SolarEdgeWire.FrameSize(EncryptedWrapper.PayloadLength(inner.Length))];
        _cipher!.WriteMessage(wire, EncryptedWrapper.InverterHeader(header.Sequence, _options.InverterId), inner, ++_wrapperCounter,
            counterAndMask.AsSpan(0, EncryptedWrapper.CounterLength), counterAndMask.AsSpan(EncryptedWrapper.CounterLength));
        return new SimulatedMessage(header, inner, wire, payload);
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
