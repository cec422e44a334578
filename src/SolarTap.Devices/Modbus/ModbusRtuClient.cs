using SolarTap.Devices.Serial;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Devices.Modbus;

/// <summary>
/// A Modbus RTU client on an RS485 line (Modbus over Serial Line v1.02 §2.4, §2.5.1): the pure
/// <see cref="ModbusClientEngine"/> decides (retries, timeouts, the t3.5 turnaround), a
/// <see cref="ModbusRtuFramer"/> delimits responses, and this class does the I/O on an <see cref="ISerialPort"/>.
/// Requests are serialised: the line is half duplex, so one request is on it at a time whatever the unit id.
/// </summary>
/// <remarks>
/// <code>
/// per request:  discard noise → write ADU → tcdrain → read until the framer returns a frame, the deadline passes,
///               or a t3.5 silence drops a partial frame → keep the line quiet for t3.5 → next request
/// gap before a chunk = time since the previous chunk arrived − the chunk's own wire time (a USB adapter delivers
///               a frame in bursts; only gaps of t3.5 or more matter to the framer)
/// </code>
/// </remarks>
public sealed class ModbusRtuClient : IModbusClient
{
    private static readonly TimeSpan MaxReadSlice = TimeSpan.FromMilliseconds(100);
    private readonly ISerialPort _port;
    private readonly TimeProvider _time;
    private readonly ModbusClientEngine _engine;
    private readonly ModbusRtuFramer _framer;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _buffer = new byte[ModbusWire.MaxRtuAduSize];
    private readonly long _start;
    private TimeSpan? _lastChunk;
    private bool _disposed;

    /// <summary>
    /// A client on <paramref name="port"/> (which it owns and disposes). <paramref name="options"/> are forced to RTU
    /// framing, and the inter-frame delay to at least t3.5 at the port's baud rate.
    /// </summary>
    public ModbusRtuClient(ISerialPort port, TimeProvider time, ModbusClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(time);
        _port = port;
        _time = time;
        TimeSpan t35 = ModbusRtuTiming.SilentInterval(port.Settings.BaudRate);
        options ??= new ModbusClientOptions();
        _engine = new ModbusClientEngine(options with
        {
            Transport = ModbusTransport.Rtu,
            InterFrameDelay = options.InterFrameDelay > t35 ? options.InterFrameDelay : t35,
        });
        _framer = new ModbusRtuFramer(ModbusRtuRole.Responses, t35);
        _start = time.GetTimestamp();
    }

    /// <inheritdoc/>
    public string Description => $"{_port.Name} {_port.Settings}";

    /// <inheritdoc/>
    public ModbusClientStatistics Statistics => _engine.Statistics;

    /// <inheritdoc/>
    public string? LastConnectionError => null;

    /// <summary>Frames, CRC errors, undelimitable frames, truncations and skipped bytes seen on the line.</summary>
    public (long Frames, long CrcErrors, long Invalid, long Truncated, long SkippedBytes) LineStatistics => _framer.Statistics;

    private TimeSpan Now => _time.GetElapsedTime(_start);

    /// <inheritdoc/>
    public async Task<ModbusCompletion> ExecuteAsync(byte unit, ModbusRequest request, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The serial seam blocks; keep it off the caller's thread.
            return await Task.Run(() => Run(unit, request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _port.Dispose();
            _gate.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private ModbusCompletion Run(byte unit, ModbusRequest request, CancellationToken cancellationToken)
    {
        long ticket = _engine.Enqueue(unit, request);
        if (ticket < 0)
        {
            throw new InvalidOperationException("The Modbus request queue is full.");
        }

        while (true)
        {
            while (_engine.TryTakeCompletion(out ModbusCompletion? done))
            {
                if (done.Ticket == ticket)
                {
                    return done;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            ModbusClientAction action = _engine.Next(Now);
            switch (action.Kind)
            {
                case ModbusClientActionKind.Send:
                    // Serial Line §2.5.1.1: whatever arrived before our request is not its answer.
                    _port.DiscardInput();
                    _framer.Reset();
                    _port.Write(action.Frame.Span);
                    _port.Drain();
                    _lastChunk = null;
                    break;
                case ModbusClientActionKind.Wait:
                    Receive(action.WakeAt);
                    break;
                default:
                    throw new InvalidOperationException($"An RTU engine asked for {action.Kind}.");
            }
        }
    }

    private void Receive(TimeSpan wakeAt)
    {
        TimeSpan wait = wakeAt == TimeSpan.MaxValue ? MaxReadSlice : wakeAt - Now;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        int count = _port.Read(_buffer, wait < MaxReadSlice ? wait : MaxReadSlice);
        TimeSpan now = Now;
        if (count == 0)
        {
            if (_lastChunk is { } last)
            {
                _framer.Silence(now - last);
            }

            return;
        }

        TimeSpan gap = TimeSpan.MaxValue; // the first bytes after our request start a frame
        if (_lastChunk is { } previous)
        {
            gap = now - previous - ModbusRtuTiming.TransmitTime(_port.Settings.BaudRate, count);
            gap = gap < TimeSpan.Zero ? TimeSpan.Zero : gap;
        }

        _lastChunk = now;
        int offset = 0;
        while (offset < count)
        {
            ModbusRtuStatus status = _framer.Push(_buffer.AsSpan(offset, count - offset), offset == 0 ? gap : TimeSpan.Zero, out int consumed);
            offset += consumed;
            if (status == ModbusRtuStatus.Frame)
            {
                _engine.OnRtuFrame(now, _framer.Unit, _framer.Pdu);
            }

            if (consumed == 0)
            {
                break;
            }
        }
    }
}
