namespace SolarTap.Protocols.SolarEdge;

/// <summary>
/// Working space for copying and decrypting one message payload, grown to the largest payload seen (in powers of
/// two) rather than allocated at the 64 KiB maximum up front: a server holds one per inverter connection, and
/// posts are usually well under a kilobyte.
/// </summary>
internal sealed class ScratchBuffer
{
    private const int SmallestSize = 1024;

    private byte[] _buffer = [];

    /// <summary>A span of at least <paramref name="length"/> bytes (at most <see cref="SolarEdgeWire.MaxPayloadLength"/>).</summary>
    public Span<byte> For(int length)
    {
        if (_buffer.Length < length)
        {
            int size = (int)Math.Min(SolarEdgeWire.MaxPayloadLength, Math.Max(SmallestSize, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length)));
            _buffer = new byte[Math.Max(size, length)];
        }

        return _buffer;
    }
}
