using System.Buffers;
using System.Net.Sockets;
using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Supervisor.Modbus;

/// <summary>
/// A Modbus TCP client (MBAP, Modbus Messaging on TCP/IP v1.0b §3.1.3) driving a <see cref="ModbusClientEngine"/>
/// the way docs/spec/sunspec.md §6 describes: ONE connection per inverter (SolarEdge inverters serve a single Modbus
/// TCP client), one request outstanding whatever the unit id, a new transaction id per send, reconnect with the
/// engine's exponential backoff and jitter. The connection is made when the first request is queued.
/// </summary>
public sealed class ModbusTcpClient : IModbusClient
{
    private static readonly TimeSpan MaxIdleWait = TimeSpan.FromSeconds(1);
    private readonly string _host;
    private readonly int _port;
    private readonly TimeProvider _time;
    private readonly ModbusClientEngine _engine;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, TaskCompletionSource<ModbusCompletion>> _waiting = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Random _jitter;
    private readonly long _start;
    private readonly Task _loop;
    private Socket? _socket;
    private Task? _receiver;
    private int _connections;
    private string? _lastConnectionError;

    /// <summary>Starts the driver loop for <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <param name="host">Host name or address of the inverter (or gateway).</param>
    /// <param name="port">TCP port, 502 or 1502 on SolarEdge inverters.</param>
    /// <param name="options">Timeouts, retries, backoff; <see cref="ModbusClientOptions.Transport"/> is forced to TCP.</param>
    /// <param name="time">The clock (monotonic timestamps); null for the system clock.</param>
    /// <param name="jitterSeed">Seed of the reconnect jitter (fixed in tests).</param>
    public ModbusTcpClient(string host, int port, ModbusClientOptions? options = null, TimeProvider? time = null, int? jitterSeed = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _host = host;
        _port = port;
        _time = time ?? TimeProvider.System;
        _engine = new ModbusClientEngine((options ?? new ModbusClientOptions()) with { Transport = ModbusTransport.Tcp });
        _jitter = jitterSeed is { } seed ? new Random(seed) : new Random();
        _start = _time.GetTimestamp();
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc/>
    public string Description => _host.Contains(':', StringComparison.Ordinal) ? $"[{_host}]:{_port}" : $"{_host}:{_port}";

    /// <summary>TCP connections made so far (the inverter allows one client at a time; one per outage).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>True while the connection is up.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _engine.IsConnected;
            }
        }
    }

    /// <inheritdoc/>
    public ModbusClientStatistics Statistics => _engine.Statistics;

    /// <inheritdoc/>
    public string? LastConnectionError => Volatile.Read(ref _lastConnectionError);

    private TimeSpan Now => _time.GetElapsedTime(_start);

    /// <inheritdoc/>
    public async Task<ModbusCompletion> ExecuteAsync(byte unit, ModbusRequest request, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        var done = new TaskCompletionSource<ModbusCompletion>(TaskCreationOptions.RunContinuationsAsynchronously);
        long ticket;
        lock (_gate)
        {
            ticket = _engine.Enqueue(unit, request);
            if (ticket < 0)
            {
                throw new InvalidOperationException("The Modbus request queue is full.");
            }

            _waiting[ticket] = done;
        }

        _wake.Release();
        try
        {
            // The engine completes every request (response, exception, timeout or no connection), so no own timeout.
            return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _waiting.Remove(ticket); // its completion, when it comes, is dropped
            }

            throw;
        }
    }

    /// <summary>Stops the loop and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _wake.Release();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Close();
        if (_receiver is { } receiver)
        {
            await receiver.ConfigureAwait(false);
        }

        lock (_gate)
        {
            foreach (TaskCompletionSource<ModbusCompletion> waiter in _waiting.Values)
            {
                waiter.TrySetCanceled();
            }

            _waiting.Clear();
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync()
    {
        CancellationToken stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            ModbusClientAction action;
            byte[]? frame = null;
            Socket? socket;
            lock (_gate)
            {
                action = _engine.Next(Now);
                if (action.Kind == ModbusClientActionKind.Send)
                {
                    frame = action.Frame.ToArray(); // valid only until the next engine call
                }

                socket = _socket;
                Drain();
            }

            switch (action.Kind)
            {
                case ModbusClientActionKind.Connect:
                    await ConnectAsync(stop).ConfigureAwait(false);
                    break;
                case ModbusClientActionKind.Send when socket is not null:
                    try
                    {
                        await socket.SendAsync(frame, SocketFlags.None, stop).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is SocketException or ObjectDisposedException)
                    {
                        Lost(socket);
                    }

                    break;
                case ModbusClientActionKind.Send:
                    break; // the connection was lost just now; the engine already knows
                case ModbusClientActionKind.Disconnect:
                    Close();
                    break;
                default:
                    TimeSpan wait = action.WakeAt == TimeSpan.MaxValue ? MaxIdleWait : action.WakeAt - Now;
                    if (wait > TimeSpan.Zero)
                    {
                        await _wake.WaitAsync(wait < MaxIdleWait ? wait : MaxIdleWait, stop).ConfigureAwait(false);
                    }

                    break;
            }
        }
    }

    private async Task ConnectAsync(CancellationToken stop)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(_engine.Options.ResponseTimeout);
            await socket.ConnectAsync(_host, _port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            Volatile.Write(ref _lastConnectionError, e is SocketException se ? Describe(se) : $"no answer within {_engine.Options.ResponseTimeout.TotalSeconds:0.#} s");
            lock (_gate)
            {
                _engine.OnConnectFailed(Now, _jitter.NextDouble());
                Drain();
            }

            return;
        }

        lock (_gate)
        {
            _socket = socket;
            Interlocked.Increment(ref _connections);
            Volatile.Write(ref _lastConnectionError, null);
            _engine.OnConnected(Now);
        }

        _receiver = Task.Run(() => ReceiveAsync(socket, stop), CancellationToken.None);
    }

    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing listens on that port: is Modbus TCP enabled on the inverter?)",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        SocketError.TimedOut => "connection timed out",
        _ => e.Message,
    };

    private async Task ReceiveAsync(Socket socket, CancellationToken stop)
    {
        var received = new byte[ModbusWire.MaxTcpAduSize * 4];
        int length = 0;
        try
        {
            while (true)
            {
                int n = await socket.ReceiveAsync(received.AsMemory(length), SocketFlags.None, stop).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                length += n;
                var buffer = new ReadOnlySequence<byte>(received, 0, length);
                OperationStatus status;
                while ((status = ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame frame)) == OperationStatus.Done)
                {
                    lock (_gate)
                    {
                        _engine.OnTcpFrame(Now, frame);
                        Drain();
                    }
                }

                if (status == OperationStatus.InvalidData)
                {
                    break; // TCP gives no way to find the next frame (Messaging on TCP/IP §4.4.1.2)
                }

                int rest = (int)buffer.Length;
                Array.Copy(received, length - rest, received, 0, rest);
                length = rest;
                _wake.Release();
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        Lost(socket);
    }

    private void Lost(Socket? socket)
    {
        lock (_gate)
        {
            if (socket is null || !ReferenceEquals(socket, _socket))
            {
                return; // an old connection the engine already dropped
            }

            _socket = null;
            _engine.OnConnectionLost(Now, _jitter.NextDouble());
            Drain();
        }

        socket.Dispose();
        ReleaseWake();
    }

    private void Close()
    {
        Socket? socket;
        lock (_gate)
        {
            socket = _socket;
            _socket = null;
        }

        socket?.Dispose();
    }

    private void ReleaseWake()
    {
        try
        {
            _wake.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Drain()
    {
        while (_engine.TryTakeCompletion(out ModbusCompletion? completion))
        {
            if (_waiting.Remove(completion.Ticket, out TaskCompletionSource<ModbusCompletion>? waiter))
            {
                waiter.TrySetResult(completion);
            }
        }
    }
}
