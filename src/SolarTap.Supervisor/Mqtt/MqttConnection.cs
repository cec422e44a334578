using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Channels;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Supervisor.Mqtt;

/// <summary>
/// Drives a <see cref="MqttClientSession"/> over a real network connection and keeps it connected: connect (TCP or
/// TLS), read packets through <see cref="MqttPacketReader"/>, write what the session produces, poll it at its
/// deadlines, and reconnect with the session's backoff after any failure. The session is only touched under one
/// lock; all bytes go out through one writer loop in the order the session produced them.
/// <para>Run <see cref="RunAsync"/> on a background task; read <see cref="Events"/>; publish with <see cref="TryPublish"/>.</para>
/// </summary>
public sealed class MqttConnection : IDisposable
{
    private readonly Lock _gate = new();
    private readonly MqttClientSession _session;
    private readonly MqttTransportOptions _transport;
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;
    private readonly Channel<MqttSessionEvent> _events = Channel.CreateUnbounded<MqttSessionEvent>(new UnboundedChannelOptions { SingleReader = true });
    private ArrayBufferWriter<byte> _pending = new();
    private ArrayBufferWriter<byte> _sending = new();
    private TaskCompletionSource _wake = NewSignal();
    private readonly CancellationTokenSource _stop = new();
    private CancellationTokenSource? _connection;
    private bool _stopping;

    /// <summary>A connection that is not started yet.</summary>
    /// <param name="session">The session options (validated here).</param>
    /// <param name="transport">Where the broker is.</param>
    /// <param name="time">The clock for keep alive and backoff.</param>
    /// <param name="jitter">Values in [0, 1) for the backoff jitter, e.g. <c>Random.Shared.NextDouble</c>.</param>
    public MqttConnection(MqttClientOptions session, MqttTransportOptions transport, TimeProvider time, Func<double> jitter)
    {
        _session = new MqttClientSession(session);
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _jitter = jitter ?? throw new ArgumentNullException(nameof(jitter));
    }

    /// <summary>Everything the session reports, in order: connected, refused, PUBACK per token, messages, ….</summary>
    public ChannelReader<MqttSessionEvent> Events => _events.Reader;

    /// <summary>The one-line status, e.g. "MQTT: connected" or "MQTT: authentication failed".</summary>
    public string StatusText
    {
        get
        {
            lock (_gate)
            {
                return _session.StatusText;
            }
        }
    }

    /// <summary>QoS 1 messages written and not acknowledged, and messages queued behind them.</summary>
    public (int InFlight, int Queued) Backlog
    {
        get
        {
            lock (_gate)
            {
                return (_session.InFlightCount, _session.QueuedCount);
            }
        }
    }

    /// <summary>Queues a message; the token comes back in a PublishAcknowledged (QoS 1) or PublishSent (QoS 0) event.</summary>
    /// <returns>False when the queue is full.</returns>
    public bool TryPublish(MqttMessage message, long token)
    {
        bool queued;
        lock (_gate)
        {
            queued = _session.TryPublish(message, token);
        }

        Signal();
        return queued;
    }

    /// <summary>Cuts the current network connection without DISCONNECT (the broker publishes the will); reconnects as usual.</summary>
    public void Abort()
    {
        lock (_gate)
        {
            _connection?.Cancel();
        }
    }

    /// <summary>Publishes the availability "offline", sends DISCONNECT and makes <see cref="RunAsync"/> return.</summary>
    public void Disconnect()
    {
        lock (_gate)
        {
            _stopping = true;
            if (_session.State != MqttSessionState.Connected)
            {
                _stop.Cancel(); // nothing to say goodbye on: stop connecting or waiting
            }

            _session.Disconnect(_pending, _time.GetUtcNow());
        }

        Signal();
    }

    /// <summary>Connects and reconnects until <paramref name="cancellationToken"/> is cancelled or <see cref="Disconnect"/> is called.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        await RunCoreAsync(run.Token).ConfigureAwait(false);
        _events.Writer.TryComplete();
    }

    private async Task RunCoreAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !Stopping)
        {
            string reason;
            try
            {
                reason = await RunConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or AuthenticationException or TimeoutException
                or OperationCanceledException or InvalidOperationException)
            {
                reason = e is OperationCanceledException ? "connection aborted" : e.Message;
            }

            TimeSpan delay;
            lock (_gate)
            {
                _session.ConnectionLost(reason);
                DrainEvents();
                delay = _session.ReconnectDelay(_jitter());
            }

            if (Stopping)
            {
                break;
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private bool Stopping
    {
        get
        {
            lock (_gate)
            {
                return _stopping;
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<string> RunConnectionAsync(CancellationToken cancellationToken)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Stream stream = await MqttTransport.ConnectAsync(_transport, _time, connection.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            lock (_gate)
            {
                _pending.Clear(); // bytes for the previous connection: the session re-sends what matters
                _sending.Clear();
                _session.StartConnection(_pending, _time.GetUtcNow());
                _connection = connection;
            }

            Task<string> reader = ReadLoopAsync(stream, connection.Token);
            Task<string> writer = WriteLoopAsync(stream, connection.Token);
            Task<string> first = await Task.WhenAny(reader, writer).ConfigureAwait(false);
            lock (_gate)
            {
                _connection = null;
            }

            await connection.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(reader, writer).ConfigureAwait(false);
            }
            catch (Exception) when (reader.IsCompleted && writer.IsCompleted)
            {
                // The loop that ended second was cancelled or saw the stream close; the first one's reason counts.
            }

            return await first.ConfigureAwait(false);
        }
    }

    private async Task<string> ReadLoopAsync(Stream stream, CancellationToken cancellationToken)
    {
        PipeReader pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var framer = new MqttPacketReader(_transport.MaxPacketSize);
        try
        {
            while (true)
            {
                ReadResult result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                OperationStatus status = OperationStatus.NeedMoreData;
                bool keep = true;
                lock (_gate)
                {
                    DateTimeOffset now = _time.GetUtcNow();
                    while (keep)
                    {
                        status = framer.TryReadPacket(ref buffer, out MqttPacket packet);
                        if (status != OperationStatus.Done)
                        {
                            break;
                        }

                        keep = _session.Receive(packet, _pending, now);
                    }

                    DrainEvents();
                }

                Signal();
                if (!keep)
                {
                    return "closed after " + StatusText;
                }

                if (status == OperationStatus.InvalidData)
                {
                    return $"protocol error from the broker ({framer.LastError})";
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return "connection closed by the broker";
                }
            }
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task<string> WriteLoopAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_wake.Task.IsCompleted)
            {
                Volatile.Write(ref _wake, NewSignal()); // before the work, so a signal during it is not lost
            }

            bool alive;
            bool stopping;
            DateTimeOffset? deadline;
            lock (_gate)
            {
                alive = _session.Poll(_pending, _time.GetUtcNow());
                (_pending, _sending) = (_sending, _pending);
                deadline = _session.NextDeadline;
                stopping = _stopping;
                DrainEvents();
            }

            if (_sending.WrittenCount > 0)
            {
                using var timeout = new CancellationTokenSource(_transport.WriteTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                await stream.WriteAsync(_sending.WrittenMemory, linked.Token).ConfigureAwait(false);
                await stream.FlushAsync(linked.Token).ConfigureAwait(false);
                _sending.Clear();
            }

            if (!alive)
            {
                return "declared dead: " + StatusText;
            }

            if (stopping)
            {
                return "disconnected";
            }

            TimeSpan wait = deadline is { } due ? due - _time.GetUtcNow() : TimeSpan.FromMinutes(1);
            if (wait > TimeSpan.Zero)
            {
                using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                Task delay = Task.Delay(wait, _time, sleep.Token);
                await Task.WhenAny(Volatile.Read(ref _wake).Task, delay).ConfigureAwait(false);
                await sleep.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Releases the stop signal; call after <see cref="RunAsync"/> has returned.</summary>
    public void Dispose() => _stop.Dispose();

    private void Signal() => Volatile.Read(ref _wake).TrySetResult();

    private void DrainEvents()
    {
        while (_session.TryDequeueEvent(out MqttSessionEvent e))
        {
            _events.Writer.TryWrite(e);
        }
    }
}
