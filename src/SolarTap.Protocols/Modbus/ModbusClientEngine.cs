namespace SolarTap.Protocols.Modbus;

/// <summary>
/// A pure Modbus client: a queue of requests, at most one outstanding (SolarEdge inverters serve one TCP client and
/// RS485 is half duplex), transaction ids, response matching, timeouts, retries and reconnect backoff. It has no
/// clock, socket or randomness: the driver passes a monotonic <c>now</c>, the jitter, and the bytes it received.
/// </summary>
/// <remarks>
/// Driver loop (see docs/spec/sunspec.md §6):
/// <code>
/// loop:
///   action = engine.Next(now)
///   Connect    → open socket; engine.OnConnected(now) or engine.OnConnectFailed(now, jitter)
///   Send       → write action.Frame
///   Disconnect → close socket, reset framer
///   Wait       → await bytes or action.WakeAt; feed frames to OnTcpFrame / OnRtuFrame;
///                on a socket error engine.OnConnectionLost(now, jitter)
///   drain engine.TryTakeCompletion(...)
/// </code>
/// </remarks>
public sealed partial class ModbusClientEngine
{
    private readonly ModbusClientOptions _options;
    private readonly LinkedList<Queued> _queue = new();
    private readonly Queue<ModbusCompletion> _completions = new();
    private readonly byte[] _frame = new byte[ModbusWire.MaxTcpAduSize];
    private Queued? _inFlight;
    private TimeSpan _deadline;
    private TimeSpan _quietUntil;
    private TimeSpan _connectAt;
    private long _nextTicket = 1;
    private ushort _nextTransactionId = 1;
    private int _connectFailures;
    private int _consecutiveTimeouts;
    private LinkState _link;

    /// <summary>A client with <paramref name="options"/> (validated).</summary>
    public ModbusClientEngine(ModbusClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _link = options.Transport == ModbusTransport.Rtu ? LinkState.Connected : LinkState.Disconnected;
    }

    private enum LinkState
    {
        Disconnected,
        Connecting,
        Connected,
    }

    /// <summary>The options in force.</summary>
    public ModbusClientOptions Options => _options;

    /// <summary>True while a TCP connection is up (always true for RTU).</summary>
    public bool IsConnected => _link == LinkState.Connected;

    /// <summary>Requests queued or outstanding.</summary>
    public int Pending => _queue.Count + (_inFlight is null ? 0 : 1);

    /// <summary>Counters for the status page.</summary>
    public ModbusClientStatistics Statistics { get; } = new();

    /// <summary>Queues <paramref name="request"/> for <paramref name="unit"/>.</summary>
    /// <returns>A ticket that its <see cref="ModbusCompletion"/> will carry; -1 when the queue is full.</returns>
    public long Enqueue(byte unit, in ModbusRequest request)
    {
        if (request.Count == 0 || (request.Function == ModbusFunction.WriteMultipleRegisters && request.Values.Length < request.Count)
            || (request.Function == ModbusFunction.WriteSingleRegister && request.Values.Length < 1))
        {
            throw new ArgumentException("Build requests with the ModbusRequest factory methods.", nameof(request));
        }

        if (_queue.Count >= _options.MaxQueueLength)
        {
            Statistics.Refused++;
            return -1;
        }

        long ticket = _nextTicket++;
        _queue.AddLast(new Queued(ticket, unit, request));
        return ticket;
    }

    /// <summary>The next thing the driver must do at <paramref name="now"/> (monotonic time).</summary>
    public ModbusClientAction Next(TimeSpan now)
    {
        switch (_link)
        {
            case LinkState.Connecting:
                return Wait(TimeSpan.MaxValue);
            case LinkState.Disconnected:
                if (Pending == 0)
                {
                    return Wait(TimeSpan.MaxValue);
                }

                if (now < _connectAt)
                {
                    return Wait(_connectAt);
                }

                _link = LinkState.Connecting;
                Statistics.ConnectAttempts++;
                return new ModbusClientAction(ModbusClientActionKind.Connect, TimeSpan.MaxValue, default);
        }

        if (_inFlight is { } current)
        {
            if (now < _deadline)
            {
                return Wait(_deadline);
            }

            // The response timeout elapsed: retry or give up.
            Statistics.Timeouts++;
            _consecutiveTimeouts++;
            _inFlight = null;
            Retry(current, ModbusOutcome.Timeout);
            if (_options.Transport == ModbusTransport.Tcp && _consecutiveTimeouts >= _options.TimeoutsBeforeReconnect)
            {
                _consecutiveTimeouts = 0;
                Drop(now, _options.ReconnectDelay);
                return new ModbusClientAction(ModbusClientActionKind.Disconnect, TimeSpan.MaxValue, default);
            }
        }

        if (_queue.First is null)
        {
            return Wait(TimeSpan.MaxValue);
        }

        if (now < _quietUntil)
        {
            return Wait(_quietUntil);
        }

        Queued next = _queue.First.Value;
        _queue.RemoveFirst();
        return Send(next, now);
    }

    /// <summary>TCP: the connection is up.</summary>
    public void OnConnected(TimeSpan now)
    {
        _link = LinkState.Connected;
        _connectFailures = 0;
        _consecutiveTimeouts = 0;
        _quietUntil = now;
    }

    /// <summary>
    /// TCP: connecting failed. The next attempt waits a backoff (<see cref="ModbusClientOptions.Backoff"/>) that
    /// <paramref name="jitter"/> (uniform in [0, 1)) shortens; queued requests complete as
    /// <see cref="ModbusOutcome.NotConnected"/>.
    /// </summary>
    public void OnConnectFailed(TimeSpan now, double jitter)
    {
        _connectFailures++;
        Statistics.ConnectFailures++;
        _link = LinkState.Disconnected;
        _connectAt = now + _options.Backoff(_connectFailures, jitter);
        if (_inFlight is { } current)
        {
            _inFlight = null;
            Complete(current, ModbusOutcome.NotConnected, ModbusExceptionCode.None, []);
        }

        while (_queue.First is { } first)
        {
            _queue.RemoveFirst();
            Complete(first.Value, ModbusOutcome.NotConnected, ModbusExceptionCode.None, []);
        }
    }

    /// <summary>TCP: the connection closed or failed. An outstanding request is retried after reconnecting.</summary>
    public void OnConnectionLost(TimeSpan now, double jitter)
    {
        if (_options.Transport == ModbusTransport.Rtu || _link == LinkState.Disconnected)
        {
            return;
        }

        Statistics.ConnectionsLost++;
        _connectFailures++;
        if (_inFlight is { } current)
        {
            _inFlight = null;
            Retry(current, ModbusOutcome.Timeout);
        }

        Drop(now, _options.Backoff(_connectFailures, jitter));
    }

    /// <summary>Takes the oldest completion not yet taken.</summary>
    public bool TryTakeCompletion(out ModbusCompletion completion) => _completions.TryDequeue(out completion!);

    private static ModbusClientAction Wait(TimeSpan until) => new(ModbusClientActionKind.Wait, until, default);

    private ModbusClientAction Send(Queued pending, TimeSpan now)
    {
        pending.Attempts++;
        Statistics.Requests++;
        int length;
        if (_options.Transport == ModbusTransport.Tcp)
        {
            pending.TransactionId = _nextTransactionId++;
            length = ModbusTcp.WriteRequest(pending.TransactionId, pending.Unit, pending.Request, _frame);
        }
        else
        {
            length = ModbusRtu.WriteRequest(pending.Unit, pending.Request, _frame);
        }

        if (_options.Transport == ModbusTransport.Rtu && pending.Unit == ModbusRtu.BroadcastAddress)
        {
            // Serial Line §2.1: a broadcast gets no reply; the turnaround delay is the caller's InterFrameDelay.
            _quietUntil = now + _options.InterFrameDelay;
            Complete(pending, ModbusOutcome.Ok, ModbusExceptionCode.None, []);
        }
        else
        {
            _inFlight = pending;
            _deadline = now + _options.ResponseTimeout;
        }

        return new ModbusClientAction(ModbusClientActionKind.Send, TimeSpan.MaxValue, _frame.AsMemory(0, length));
    }

    private void Retry(Queued pending, ModbusOutcome outcome)
    {
        if (pending.Attempts >= _options.MaxAttempts)
        {
            Complete(pending, outcome, ModbusExceptionCode.None, []);
        }
        else
        {
            Statistics.Retries++;
            _queue.AddFirst(pending);
        }
    }

    private void Drop(TimeSpan now, TimeSpan delay)
    {
        _link = LinkState.Disconnected;
        _connectAt = now + delay;
    }

    private void Complete(Queued pending, ModbusOutcome outcome, ModbusExceptionCode exception, ushort[] registers)
    {
        Statistics.Completed++;
        _completions.Enqueue(new ModbusCompletion(pending.Ticket, pending.Unit, pending.Request, outcome, exception, registers, pending.Attempts));
    }

    private sealed class Queued(long ticket, byte unit, ModbusRequest request)
    {
        public long Ticket { get; } = ticket;

        public byte Unit { get; } = unit;

        public ModbusRequest Request { get; } = request;

        public int Attempts { get; set; }

        public ushort TransactionId { get; set; }
    }
}
