using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Devices.Serial;

/// <summary>
/// The RS485 bus master for SolarEdge slaves (spec §6.2): each cycle grants the bus (0x0302) to every configured
/// slave in turn, takes its 0x0500 posts (each ACKed with 0x0080, echoing the post's sequence, only after the post
/// handler has made it durable), answers 0x0501 with the time, and moves on when the slave releases the bus
/// (0x039A), goes quiet, or its grant times out. A slave that stops answering is retried, then marked offline and
/// tried again only after a doubling backoff, so it costs the others at most one response timeout per attempt.
/// </summary>
public sealed class SolarEdgeRs485Master
{
    private readonly ISerialPort _port;
    private readonly SolarEdgeRs485MasterOptions _options;
    private readonly Func<Rs485Post, CancellationToken, ValueTask<bool>> _onPost;
    private readonly TimeProvider _time;
    private readonly Rs485SlaveState[] _slaves;
    private readonly byte[] _scratch = new byte[SolarEdgeWire.Overhead + ServerTimePayload.Length];
    private ushort _sequence;

    /// <summary>A master on <paramref name="port"/>.</summary>
    /// <param name="port">The RS485 line (direction switching is the port's business).</param>
    /// <param name="options">Slaves and timing.</param>
    /// <param name="onPost">Makes a post durable; returns true to acknowledge it (false: no ACK, the slave sends it again).</param>
    /// <param name="time">The clock for timeouts, backoff and time answers.</param>
    public SolarEdgeRs485Master(ISerialPort port, SolarEdgeRs485MasterOptions options, Func<Rs485Post, CancellationToken, ValueTask<bool>> onPost, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onPost);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _port = port;
        _options = options;
        _onPost = onPost;
        _time = time;
        _slaves = [.. options.Slaves.Select(id => new Rs485SlaveState(id, options.BackoffInitial))];
        Receiver = new SolarEdgeSerialReceiver(port, time);
    }

    /// <summary>Raised (on the polling thread) whenever a slave's state changes.</summary>
    public event EventHandler<Rs485SlaveStatus>? SlaveChanged;

    /// <summary>The receiver, for its framing counters.</summary>
    public SolarEdgeSerialReceiver Receiver { get; }

    /// <summary>Every slave's state now, in configured order.</summary>
    public IReadOnlyList<Rs485SlaveStatus> Slaves => [.. _slaves.Select(s => s.Snapshot())];

    /// <summary>Completed poll cycles.</summary>
    public long Cycles { get; private set; }

    /// <summary>Polls cycle after cycle, one cycle per <see cref="SolarEdgeRs485MasterOptions.CycleInterval"/>, until cancelled.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="IOException">The port failed.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long started = _time.GetTimestamp();
            await PollCycleAsync(cancellationToken).ConfigureAwait(false);
            TimeSpan rest = _options.CycleInterval - _time.GetElapsedTime(started);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One pass over the slaves: every slave that is online or due for another attempt is polled once.</summary>
    /// <returns>How many slaves answered.</returns>
    public async Task<int> PollCycleAsync(CancellationToken cancellationToken)
    {
        int answered = 0;
        foreach (Rs485SlaveState slave in _slaves)
        {
            if (slave.NextAttempt is { } next && _time.GetUtcNow() < next)
            {
                continue; // offline and backing off: the others are not held up
            }

            if (await PollSlaveAsync(slave, cancellationToken).ConfigureAwait(false))
            {
                answered++;
            }
        }

        Cycles++;
        return answered;
    }

    private async Task<bool> PollSlaveAsync(Rs485SlaveState slave, CancellationToken cancellationToken)
    {
        slave.Polls++;
        int attempts = slave.BackingOff ? 1 : 1 + _options.Retries;
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            GrantOutcome outcome = await GrantAsync(slave, cancellationToken).ConfigureAwait(false);
            if (outcome != GrantOutcome.NoAnswer)
            {
                slave.ConsecutiveFailures = 0;
                slave.NextAttempt = null;
                slave.Backoff = _options.BackoffInitial;
                Publish(slave);
                return true;
            }

            slave.Timeouts++;
        }

        slave.ConsecutiveFailures++;
        if (slave.BackingOff)
        {
            TimeSpan doubled = slave.Backoff + slave.Backoff;
            slave.Backoff = doubled > _options.BackoffMax ? _options.BackoffMax : doubled;
            slave.NextAttempt = _time.GetUtcNow() + slave.Backoff;
        }
        else if (slave.ConsecutiveFailures >= _options.OfflineAfter)
        {
            slave.Backoff = _options.BackoffInitial;
            slave.NextAttempt = _time.GetUtcNow() + slave.Backoff;
        }

        Publish(slave);
        return false;
    }

    /// <summary>Grants the bus to <paramref name="slave"/> once and serves it until it lets go (spec §6.2).</summary>
    private async Task<GrantOutcome> GrantAsync(Rs485SlaveState slave, CancellationToken cancellationToken)
    {
        long crcBefore = Receiver.Statistics.CrcErrors;
        Send(new SolarEdgeHeader(NextSequence(), SolarEdgeAddress.Server, slave.Id, FunctionCode.CmdPolestarMasterGrant), []);
        long granted = _time.GetTimestamp();
        TimeSpan quietLimit = _options.ResponseTimeout;
        GrantOutcome outcome = GrantOutcome.NoAnswer;
        try
        {
            while (true)
            {
                TimeSpan elapsed = _time.GetElapsedTime(granted);
                TimeSpan wait = Min(quietLimit - elapsed, _options.GrantTimeout - elapsed);
                SolarEdgeSerialMessage? message = wait > TimeSpan.Zero ? Receiver.Receive(wait, cancellationToken) : null;
                if (message is null)
                {
                    return outcome;
                }

                if (message.Header.Source != slave.Id)
                {
                    continue; // our own echo (many adapters echo, spec §6.1) or another node's traffic
                }

                outcome = GrantOutcome.AnsweredWithoutRelease;
                slave.LastAnswer = message.ReceivedAt;
                quietLimit = _time.GetElapsedTime(granted) + _options.ResponseTimeout;
                switch (message.Header.Function)
                {
                    case FunctionCode.RespPolestarMasterGrantAck:
                        return GrantOutcome.Released;
                    case FunctionCode.CmdServerPostData:
                        await TakePostAsync(slave, message, cancellationToken).ConfigureAwait(false);
                        break;
                    case FunctionCode.CmdServerGetGmt:
                        SendTime(message.Header);
                        break;
                }
            }
        }
        finally
        {
            slave.CrcErrors += Receiver.Statistics.CrcErrors - crcBefore; // noise while this slave held the bus
        }
    }

    private async Task TakePostAsync(Rs485SlaveState slave, SolarEdgeSerialMessage message, CancellationToken cancellationToken)
    {
        slave.Posts++;
        TelemetryDecodeResult telemetry = TelemetryDecoder.Decode(message.Payload, message.Header.Source);
        var post = new Rs485Post(slave.Id, message.Header, message.Payload, telemetry, message.ReceivedAt);
        if (await _onPost(post, cancellationToken).ConfigureAwait(false))
        {
            Send(message.Header.ReplyWith(FunctionCode.RespAck), []); // ACK only after the commit (ARCHITECTURE §3)
        }
    }

    private void SendTime(in SolarEdgeHeader request)
    {
        Span<byte> time = stackalloc byte[ServerTimePayload.Length];
        DateTimeOffset now = _time.GetUtcNow();
        ServerTimePayload.Write(time, now, _options.TimeZone.GetUtcOffset(now)); // spec §2.2: 0x0580
        Send(request.ReplyWith(FunctionCode.RespServerGmt), time);
    }

    private void Send(in SolarEdgeHeader header, ReadOnlySpan<byte> payload)
    {
        int size = SolarEdgeFrameWriter.Write(_scratch, header, payload);
        _port.Write(_scratch.AsSpan(0, size));
    }

    /// <summary>spec §1.4: any scheme that does not repeat quickly; 1..65535 like semonitor's counter.</summary>
    private ushort NextSequence()
    {
        _sequence = _sequence == ushort.MaxValue ? (ushort)1 : (ushort)(_sequence + 1);
        return _sequence;
    }

    private void Publish(Rs485SlaveState slave) => SlaveChanged?.Invoke(this, slave.Snapshot());

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
