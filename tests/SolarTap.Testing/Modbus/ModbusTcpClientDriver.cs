using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Testing.Modbus;

/// <summary>
/// A small async socket driver for <see cref="ModbusClientEngine"/> (TCP), the way docs/spec/sunspec.md §6
/// describes it: one connection, one request at a time, reconnect with the engine's backoff. For the system tests
/// now; the Supervisor gets its own driver later.
/// </summary>
public sealed class ModbusTcpClientDriver : IAsyncDisposable
{
    private readonly string _host;
    private readonly int _port;
    private readonly ModbusClientEngine _engine;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, TaskCompletionSource<ModbusCompletion>> _waiting = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Random _jitter;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Task _loop;
    private Socket? _socket;

    /// <summary>Starts the driver loop; the connection is made when the first request is queued.</summary>
    public ModbusTcpClientDriver(string host, int port, ModbusClientOptions? options = null, int jitterSeed = 1)
    {
        _host = host;
        _port = port;
        _engine = new ModbusClientEngine(options ?? new ModbusClientOptions());
        _jitter = new Random(jitterSeed);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>TCP connections made so far (the inverter allows one client: this should stay at 1).</summary>
    public int Connections { get; private set; }

    /// <summary>The engine's counters.</summary>
    public ModbusClientStatistics Statistics => _engine.Statistics;

    private TimeSpan Now => Stopwatch.GetElapsedTime(_start);

    /// <summary>Queues a request and waits for its completion.</summary>
    public Task<ModbusCompletion> ExecuteAsync(byte unit, ModbusRequest request)
    {
        var done = new TaskCompletionSource<ModbusCompletion>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            long ticket = _engine.Enqueue(unit, request);
            if (ticket < 0)
            {
                throw new InvalidOperationException("The request queue is full.");
            }

            _waiting[ticket] = done;
        }

        _wake.Release();
        return done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Stops the loop and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _wake.Release();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _socket?.Dispose();
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
            lock (_gate)
            {
                action = _engine.Next(Now);
                if (action.Kind == ModbusClientActionKind.Send)
                {
                    frame = action.Frame.ToArray(); // valid only until the next engine call
                }

                Drain();
            }

            switch (action.Kind)
            {
                case ModbusClientActionKind.Connect:
                    await ConnectAsync(stop);
                    break;
                case ModbusClientActionKind.Send:
                    try
                    {
                        await _socket!.SendAsync(frame, SocketFlags.None, stop);
                    }
                    catch (SocketException)
                    {
                        Lost(_socket);
                    }

                    break;
                case ModbusClientActionKind.Disconnect:
                    Close();
                    break;
                default:
                    TimeSpan wait = action.WakeAt == TimeSpan.MaxValue ? TimeSpan.FromSeconds(1) : action.WakeAt - Now;
                    if (wait > TimeSpan.Zero)
                    {
                        await _wake.WaitAsync(wait < TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), stop);
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
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(_host, _port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
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
            Connections++;
            _engine.OnConnected(Now);
        }

        _ = Task.Run(() => ReceiveAsync(socket, stop), stop);
    }

    private async Task ReceiveAsync(Socket socket, CancellationToken stop)
    {
        var received = new byte[ModbusWire.MaxTcpAduSize * 4];
        int length = 0;
        try
        {
            while (true)
            {
                int n = await socket.ReceiveAsync(received.AsMemory(length), SocketFlags.None, stop);
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
                    break;
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
        _wake.Release();
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
