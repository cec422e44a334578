using SolarTap.Devices.Serial;

namespace SolarTap.Devices.Tests.Serial;

/// <summary>A port that delivers a fixed byte stream in chunks of the given sizes, then reports silence (0) without waiting.</summary>
internal sealed class ChunkedPort(byte[] stream, IReadOnlyList<int> chunkSizes) : ISerialPort
{
    private int _offset;
    private int _chunk;

    public string Name => "chunked";

    public SerialSettings Settings { get; } = new(115200);

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        int size = chunkSizes.Count == 0 ? buffer.Length : chunkSizes[_chunk++ % chunkSizes.Count];
        int count = Math.Min(Math.Min(size, buffer.Length), stream.Length - _offset);
        stream.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public void Write(ReadOnlySpan<byte> data) => throw new InvalidOperationException("a receiver never writes");

    public void Drain()
    {
    }

    public void DiscardInput()
    {
    }

    public void Dispose()
    {
    }
}
