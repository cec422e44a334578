using System.Buffers;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Devices.Serial;

/// <summary>
/// A passive listener on a tapped RS485 line (spec §6.2, last sentence): every byte of both directions goes through
/// the SolarEdge stream decoder (framing, decryption, telemetry). It only ever reads: it never calls
/// <see cref="ISerialPort.Write"/>, so it cannot disturb the bus.
/// </summary>
public sealed class SolarEdgeSniffer
{
    private static readonly TimeSpan ReadSlice = TimeSpan.FromMilliseconds(250);

    private readonly ISerialPort _port;
    private readonly SolarEdgeStreamDecoder _decoder;
    private readonly TimeProvider _time;
    private byte[] _buffer = new byte[8192];
    private int _pending;

    /// <summary>A sniffer reading <paramref name="port"/> into <paramref name="decoder"/>.</summary>
    public SolarEdgeSniffer(ISerialPort port, SolarEdgeStreamDecoder decoder, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(time);
        _port = port;
        _decoder = decoder;
        _time = time;
    }

    /// <summary>Bytes read from the line so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Listens until <paramref name="cancellationToken"/> fires, then decodes what is left and returns.</summary>
    /// <exception cref="IOException">The port failed.</exception>
    public void Run(CancellationToken cancellationToken)
    {
        long lastByte = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_pending == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2); // a long message still arriving
            }

            int count = _port.Read(_buffer.AsSpan(_pending), ReadSlice);
            if (count > 0)
            {
                BytesRead += count;
                _pending += count;
                lastByte = _time.GetTimestamp();
                Feed(complete: false);
            }
            else if (_pending > 0 && _time.GetElapsedTime(lastByte) >= SolarEdgeSerialReceiver.IdleGap)
            {
                Feed(complete: true); // spec §1.5 rule 6b: the line went quiet in the middle of a candidate
            }
        }

        Feed(complete: true);
    }

    private void Feed(bool complete)
    {
        var sequence = new ReadOnlySequence<byte>(_buffer, 0, _pending);
        DateTimeOffset now = _time.GetUtcNow();
        if (complete)
        {
            _decoder.Complete(ref sequence, now);
        }
        else
        {
            _decoder.Decode(ref sequence, now);
        }

        int left = (int)sequence.Length;
        Buffer.BlockCopy(_buffer, _pending - left, _buffer, 0, left);
        _pending = left;
    }
}
