using System.Buffers;

namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// The client side of an MQTT 3.1.1 session, pure: the driver owns the socket and the clock, feeds in packets and
/// the time, and sends whatever the session writes to the output it passes. Events (connected, refused, PUBACK per
/// token, messages, SUBACK) queue up for <see cref="TryDequeueEvent"/>. Not thread-safe: call from one place at a time.
/// <para>
/// Lifecycle per network connection: <see cref="StartConnection"/> (writes CONNECT) → <see cref="Receive"/> for each
/// packet and <see cref="Poll"/> whenever <see cref="NextDeadline"/> passes or a publish is queued → when either
/// returns false, or the transport ends, close it and call <see cref="ConnectionLost"/>; wait
/// <see cref="ReconnectDelay"/> and start again. QoS 1 messages stay tracked across connections until PUBACK.
/// </para>
/// </summary>
public sealed partial class MqttClientSession
{
    private readonly MqttConnect _connect;
    private readonly MqttMessage? _birth;
    private readonly MqttMessage? _will;
    private readonly List<MqttSubscription> _subscriptions;
    private readonly LinkedList<MqttOutgoing> _queue = new();
    private readonly List<MqttOutgoing> _inFlight = [];
    private readonly HashSet<ushort> _pendingRequests = []; // SUBSCRIBE/UNSUBSCRIBE ids awaiting SUBACK/UNSUBACK
    private readonly HashSet<ushort> _incomingQos2 = []; // §4.3.3 method B: delivered, waiting for PUBREL
    private readonly Queue<MqttSessionEvent> _events = new();
    private ushort _lastPacketId;
    private DateTimeOffset _connectSentAt;
    private DateTimeOffset _lastSent;
    private DateTimeOffset? _pingSentAt;
    private bool _keepStatus; // a refusal or a deliberate end says more than "disconnected"

    /// <summary>A session for <paramref name="options"/>, disconnected.</summary>
    /// <exception cref="ArgumentException">The options do not validate; the message lists every problem.</exception>
    public MqttClientSession(MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        Options = options;
        _connect = options.ToConnect();
        _birth = options.EffectiveBirth;
        _will = options.EffectiveWill;
        _subscriptions = [.. options.Subscriptions];
    }

    /// <summary>The options this session was made with.</summary>
    public MqttClientOptions Options { get; }

    /// <summary>Where the session is in the connection lifecycle.</summary>
    public MqttSessionState State { get; private set; }

    /// <summary>One line for the status page: "MQTT: connected", "MQTT: authentication failed", ….</summary>
    public string StatusText { get; private set; } = "MQTT: not connected yet";

    /// <summary>The return code of the last refused CONNACK, or null since the last accepted one.</summary>
    public MqttConnectReturnCode? LastRefusal { get; private set; }

    /// <summary>Connections lost or refused since the last CONNACK 0; drives <see cref="ReconnectDelay"/>.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>QoS 1 publishes written and not yet acknowledged (the birth message included).</summary>
    public int InFlightCount => _inFlight.Count;

    /// <summary>Publishes waiting for a connection or a free in-flight slot.</summary>
    public int QueuedCount => _queue.Count;

    /// <summary>
    /// When <see cref="Poll"/> must be called next (keep alive, ping, CONNACK or PUBACK timeouts), or null while
    /// disconnected.
    /// </summary>
    public DateTimeOffset? NextDeadline
    {
        get
        {
            switch (State)
            {
                case MqttSessionState.AwaitingConnAck:
                    return _connectSentAt + Options.ConnectTimeout;
                case MqttSessionState.Connected:
                    DateTimeOffset? due = null;
                    if (Options.KeepAliveSeconds > 0)
                    {
                        due = _pingSentAt is { } ping ? ping + Options.PingTimeout : _lastSent + TimeSpan.FromSeconds(Options.KeepAliveSeconds);
                    }

                    if (_inFlight.Count > 0)
                    {
                        DateTimeOffset ack = _inFlight[0].SentAt + Options.AckTimeout;
                        due = due is { } d && d < ack ? d : ack;
                    }

                    return due;
                default:
                    return null;
            }
        }
    }

    /// <summary>Takes the oldest event not yet taken.</summary>
    public bool TryDequeueEvent(out MqttSessionEvent sessionEvent) => _events.TryDequeue(out sessionEvent);

    /// <summary>The wait before the next connection attempt, given <paramref name="jitter"/> in [0, 1) from the caller.</summary>
    public TimeSpan ReconnectDelay(double jitter) => Options.Backoff.Delay(ConsecutiveFailures - 1, jitter);

    /// <summary>
    /// A network connection is up: writes CONNECT (§3.1; the first packet on a connection [MQTT-3.1.0-1]).
    /// </summary>
    /// <exception cref="InvalidOperationException">The session is not disconnected.</exception>
    public void StartConnection(IBufferWriter<byte> output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (State != MqttSessionState.Disconnected)
        {
            throw new InvalidOperationException("Call ConnectionLost before starting another connection.");
        }

        MqttPacketWriter.WriteConnect(output, _connect);
        State = MqttSessionState.AwaitingConnAck;
        StatusText = "MQTT: connecting";
        _keepStatus = false;
        _connectSentAt = now;
        _lastSent = now;
        _pingSentAt = null;
    }

    /// <summary>
    /// Keeps the connection alive and moves queued publishes into free in-flight slots. Writes PINGREQ when nothing
    /// was sent for the keep-alive interval (§3.1.2.10, §3.12).
    /// </summary>
    /// <returns>False when the connection is dead (no CONNACK, PINGRESP or PUBACK in time): close it and call <see cref="ConnectionLost"/>.</returns>
    public bool Poll(IBufferWriter<byte> output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (State)
        {
            case MqttSessionState.AwaitingConnAck when now - _connectSentAt >= Options.ConnectTimeout:
                return Dead("no CONNACK in time");
            case MqttSessionState.Connected:
                if (_pingSentAt is { } ping && now - ping >= Options.PingTimeout)
                {
                    return Dead("no PINGRESP in time");
                }

                if (_inFlight.Count > 0 && now - _inFlight[0].SentAt >= Options.AckTimeout)
                {
                    return Dead("no PUBACK in time");
                }

                Flush(output, now);
                if (Options.KeepAliveSeconds > 0 && _pingSentAt is null && now - _lastSent >= TimeSpan.FromSeconds(Options.KeepAliveSeconds))
                {
                    MqttPacketWriter.WriteEmpty(output, MqttPacketType.PingReq);
                    _pingSentAt = now;
                    _lastSent = now;
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// The network connection ended (closed, reset, declared dead, refused, or never came up). In-flight QoS 1
    /// messages are kept for the next connection; pending SUBSCRIBEs are forgotten (they are sent again).
    /// </summary>
    public void ConnectionLost(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ConsecutiveFailures++;
        if (!_keepStatus)
        {
            StatusText = "MQTT: disconnected (" + reason + ")";
        }

        State = MqttSessionState.Disconnected;
        _pendingRequests.Clear();
        _pingSentAt = null;
        _events.Enqueue(new MqttSessionEvent(MqttSessionEventKind.ConnectionLost, Reason: reason));
    }

    /// <summary>
    /// Ends the session politely: when a will is configured its message is first published (QoS 0, same topic and
    /// retain flag), because the server discards the will on DISCONNECT (§3.14.4); then DISCONNECT. The session is
    /// disconnected at once; close the connection after sending and call <see cref="ConnectionLost"/>. Does nothing
    /// unless connected.
    /// </summary>
    public void Disconnect(IBufferWriter<byte> output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (State != MqttSessionState.Connected)
        {
            return;
        }

        if (_will is { } will)
        {
            MqttPacketWriter.WritePublish(output, will.Topic, will.Payload.Span, MqttQos.AtMostOnce, will.Retain, false, 0);
        }

        MqttPacketWriter.WriteEmpty(output, MqttPacketType.Disconnect);
        _lastSent = now;
        State = MqttSessionState.Disconnected; // nothing more may follow DISCONNECT [MQTT-3.14.4-1]
        StatusText = "MQTT: disconnected";
        _keepStatus = true; // keep this status through ConnectionLost
    }

    private int IndexInFlight(ushort packetId)
    {
        for (int i = 0; i < _inFlight.Count; i++)
        {
            if (_inFlight[i].PacketId == packetId)
            {
                return i;
            }
        }

        return -1;
    }

    private bool Dead(string reason)
    {
        StatusText = "MQTT: connection lost (" + reason + ")";
        _keepStatus = true;
        return false;
    }

    private ushort NextPacketId()
    {
        // §2.3.1: a new id must not be in use by an unacknowledged packet [MQTT-2.3.1-2].
        while (true)
        {
            _lastPacketId = _lastPacketId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastPacketId + 1);
            ushort id = _lastPacketId;
            if (!_pendingRequests.Contains(id) && IndexInFlight(id) < 0)
            {
                return id;
            }
        }
    }
}
