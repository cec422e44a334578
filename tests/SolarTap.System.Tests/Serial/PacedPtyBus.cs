using System.Diagnostics;
using SolarTap.Linux.Serial;
using SolarTap.Testing.Simulators;

namespace SolarTap.System.Tests.Serial;

/// <summary>
/// Simulated RS485 slaves behind a kernel pseudo-terminal, optionally with wire-time emulation: a pty moves bytes at
/// memory speed, so when <c>pace</c> is set every message is held back for its transmission time at the baud rate
/// (10 bits per byte, 8N1), one message at a time on the half-duplex wire: the master sees a slave's answer only
/// when its last byte would have arrived, and a slave sees the master's message only after it was fully sent.
/// </summary>
public sealed class PacedPtyBus : IDisposable
{
    private readonly PseudoTerminal _pty = PseudoTerminal.Open();
    private readonly SolarEdgeRs485Bus _bus;
    private readonly double _secondsPerByte;
    private readonly bool _pace;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private long _wireBytes;
    private long _free;

    public PacedPtyBus(SolarEdgeRs485Bus bus, int baud, bool pace)
    {
        _bus = bus;
        _secondsPerByte = 10.0 / baud;
        _pace = pace;
        _thread = new Thread(Run) { IsBackground = true, Name = "paced pty bus", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>The terminal the master opens.</summary>
    public string DevicePath => _pty.DevicePath;

    /// <summary>Bytes that crossed the wire, both directions.</summary>
    public long WireBytes => Interlocked.Read(ref _wireBytes);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _pty.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            int count;
            try
            {
                count = _pty.Read(buffer, TimeSpan.FromMilliseconds(50));
            }
            catch (IOException)
            {
                Thread.Sleep(5); // the master has not opened its end yet
                continue;
            }

            if (count == 0)
            {
                continue;
            }

            Transmit(count); // the master's message reaches the slaves once it is on the wire in full
            foreach (byte[] reply in _bus.Receive(buffer.AsSpan(0, count)))
            {
                Transmit(reply.Length);
                _pty.Write(reply);
            }
        }
    }

    private void Transmit(int bytes)
    {
        Interlocked.Add(ref _wireBytes, bytes);
        if (!_pace)
        {
            return;
        }

        long start = Math.Max(Stopwatch.GetTimestamp(), _free);
        long end = start + (long)(bytes * _secondsPerByte * Stopwatch.Frequency);
        _free = end;
        while (true)
        {
            long left = end - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return;
            }

            Thread.Yield(); // no sleep: a sleeping thread wakes milliseconds late on a busy machine
        }
    }
}
