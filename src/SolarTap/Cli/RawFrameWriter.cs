using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Cli;

/// <summary>
/// --raw-out: writes every checked message as it was sent (wrappers still encrypted), one after the other, so the
/// file is a clean SolarEdge stream that 'solartap decode' reads. Messages of concurrent connections never interleave.
/// </summary>
internal sealed class RawFrameWriter(Stream output) : ISolarEdgeFrameObserver
{
    private byte[] _buffer = new byte[SolarEdgeWire.FrameSize(1024)];

    public long Frames { get; private set; }

    public void OnFrame(in SolarEdgeFrame frame)
    {
        int size = frame.WireLength;
        if (_buffer.Length < size)
        {
            _buffer = new byte[size];
        }

        Span<byte> payload = _buffer.AsSpan(SolarEdgeWire.HeaderSize, (int)frame.Payload.Length);
        System.Buffers.BuffersExtensions.CopyTo(frame.Payload, payload);
        SolarEdgeFrameWriter.Write(_buffer, frame.Header, payload);
        output.Write(_buffer, 0, size);
        Frames++;
    }
}
