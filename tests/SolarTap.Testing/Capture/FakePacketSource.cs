using System.Buffers;
using System.Collections.Concurrent;
using SolarTap.Devices.Capture;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Testing.Capture;

/// <summary>A packet source that hands out queued frames (the kernel's filter is not applied), then waits out each timeout.</summary>
public sealed class FakePacketSource(string interfaceName) : IPacketSource
{
    private readonly ConcurrentQueue<byte[]> _frames = new();

    /// <inheritdoc/>
    public string InterfaceName { get; } = interfaceName;

    /// <summary>Whether the source was disposed.</summary>
    public bool Disposed { get; private set; }

    /// <summary>Frames handed out so far.</summary>
    public int Delivered { get; private set; }

    /// <summary>Frames still queued.</summary>
    public int Pending => _frames.Count;

    /// <summary>What <see cref="Receive"/> throws once the queue is empty, while set (an interface that went away, a bug).</summary>
    public Exception? FailWhenEmpty { get; set; }

    /// <summary>Queues one frame.</summary>
    public void Enqueue(byte[] frame) => _frames.Enqueue(frame);

    /// <summary>Queues every packet of a capture file.</summary>
    public void EnqueueCapture(byte[] capture)
    {
        var reader = new CaptureFileReader();
        var buffer = new ReadOnlySequence<byte>(capture);
        while (reader.TryReadPacket(ref buffer, out CapturedPacket packet) == OperationStatus.Done)
        {
            Enqueue(packet.Data.ToArray());
        }
    }

    /// <inheritdoc/>
    public int Receive(Span<byte> frame, TimeSpan timeout, out int originalLength)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (_frames.TryDequeue(out byte[]? next))
        {
            Delivered++;
            originalLength = next.Length;
            int length = Math.Min(next.Length, frame.Length);
            next.AsSpan(0, length).CopyTo(frame);
            return length;
        }

        originalLength = 0;
        if (FailWhenEmpty is not null)
        {
            throw FailWhenEmpty;
        }

        Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(timeout.TotalMilliseconds, 20)));
        return 0;
    }

    /// <inheritdoc/>
    public void Dispose() => Disposed = true;
}
