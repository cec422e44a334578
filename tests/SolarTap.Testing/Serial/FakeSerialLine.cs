using System.Collections.Concurrent;
using SolarTap.Devices.Serial;

namespace SolarTap.Testing.Serial;

/// <summary>
/// Two in-memory serial ports joined like a null-modem cable: what one writes, the other reads. Optionally a tap
/// sees every byte in both directions, as a passive RS485 sniffer would.
/// </summary>
public sealed class FakeSerialLine
{
    private FakeSerialLine(SerialSettings settings)
    {
        A = new FakeSerialPort("fake-a", settings);
        B = new FakeSerialPort("fake-b", settings);
        A.Peer = B;
        B.Peer = A;
    }

    /// <summary>One end (the master, say).</summary>
    public FakeSerialPort A { get; }

    /// <summary>The other end (the slave or a simulator).</summary>
    public FakeSerialPort B { get; }

    /// <summary>A new line with both ends open at <paramref name="settings"/>.</summary>
    public static FakeSerialLine Create(SerialSettings? settings = null) => new(settings ?? new SerialSettings(115200));
}

/// <summary>One end of a <see cref="FakeSerialLine"/>.</summary>
public sealed class FakeSerialPort : ISerialPort
{
    private readonly BlockingCollection<byte> _received = new();
    private bool _disposed;

    internal FakeSerialPort(string name, SerialSettings settings)
    {
        Name = name;
        Settings = settings;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public SerialSettings Settings { get; }

    /// <summary>Everything this end has written, in order.</summary>
    public List<byte> Written { get; } = [];

    /// <summary>Called with each chunk this end writes, before the peer sees it (to inject noise or drop bytes return other bytes).</summary>
    public Func<byte[], byte[]>? OnWrite { get; set; }

    internal FakeSerialPort? Peer { get; set; }

    /// <summary>Bytes waiting to be read.</summary>
    public int Pending => _received.Count;

    /// <summary>Puts bytes into this end's receive queue as if the line had delivered them.</summary>
    public void Inject(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            _received.Add(b);
        }
    }

    /// <inheritdoc/>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || !_received.TryTake(out byte first, timeout))
        {
            return 0;
        }

        buffer[0] = first;
        int count = 1;
        while (count < buffer.Length && _received.TryTake(out byte next))
        {
            buffer[count++] = next;
        }

        return count;
    }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[] chunk = data.ToArray();
        lock (Written)
        {
            Written.AddRange(chunk);
        }

        byte[] delivered = OnWrite?.Invoke(chunk) ?? chunk;
        Peer?.Inject(delivered);
    }

    /// <inheritdoc/>
    public void Drain()
    {
    }

    /// <inheritdoc/>
    public void DiscardInput()
    {
        while (_received.TryTake(out _))
        {
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
    }
}
