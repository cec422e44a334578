using System.Buffers;
using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Devices.Serial;

/// <summary>
/// Frames the bytes of a serial line with the SolarEdge framer (spec §1.5): whole messages come out as soon as their
/// last byte is read; garbage, echoes of broken frames and CRC noise are skipped and counted. An incomplete
/// candidate is given up once the line has been quiet for <see cref="IdleGap"/> (spec §1.5 rule 6b).
/// </summary>
public sealed class SolarEdgeSerialReceiver
{
    /// <summary>Quiet time after which an incomplete candidate is abandoned and the bytes behind it rescanned.</summary>
    public static readonly TimeSpan IdleGap = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait in <see cref="ISerialPort.Read"/>, so cancellation is seen promptly.</summary>
    private static readonly TimeSpan ReadSlice = TimeSpan.FromMilliseconds(250);

    private readonly ISerialPort _port;
    private readonly TimeProvider _time;
    private readonly SolarEdgeFrameReader _framer;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;
    private long _lastByte;

    /// <summary>A receiver reading <paramref name="port"/>, timing with <paramref name="time"/>.</summary>
    public SolarEdgeSerialReceiver(ISerialPort port, TimeProvider time, int maxPayloadLength = SolarEdgeWire.DefaultMaxPayloadLength)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(time);
        _port = port;
        _time = time;
        _framer = new SolarEdgeFrameReader(maxPayloadLength);
        _lastByte = time.GetTimestamp();
    }

    /// <summary>The framer's counters: frames, CRC errors, skipped bytes.</summary>
    public FrameReaderStatistics Statistics => _framer.Statistics;

    /// <summary>Bytes read and not yet part of a returned message.</summary>
    public int Pending => _end - _start;

    /// <summary>
    /// Returns the next whole message, waiting up to <paramref name="timeout"/> for it; null when none arrived in time.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="IOException">The port failed.</exception>
    public SolarEdgeSerialMessage? Receive(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        long started = _time.GetTimestamp();
        while (true)
        {
            if (TryTake(out SolarEdgeSerialMessage? message))
            {
                return message;
            }

            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan remaining = timeout - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            if (_end == _buffer.Length)
            {
                Compact();
            }

            int count = _port.Read(_buffer.AsSpan(_end), remaining < ReadSlice ? remaining : ReadSlice);
            if (count > 0)
            {
                _end += count;
                _lastByte = _time.GetTimestamp();
            }
            else if (Pending > 0 && _time.GetElapsedTime(_lastByte) >= IdleGap && TryAbandon(out message))
            {
                return message;
            }
        }
    }

    /// <summary>Forgets every byte received so far (before a new request, after a failed exchange).</summary>
    public void Clear()
    {
        _start = _end = 0;
    }

    private bool TryTake(out SolarEdgeSerialMessage? message)
    {
        message = null;
        if (_end == _start)
        {
            return false;
        }

        var sequence = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
        long before = sequence.Length;
        OperationStatus status = _framer.TryReadFrame(ref sequence, out SolarEdgeFrame frame);
        if (status == OperationStatus.Done)
        {
            message = new SolarEdgeSerialMessage(frame.Header, frame.Payload.ToArray(), _time.GetUtcNow());
        }

        _start += (int)(before - sequence.Length);
        if (_start == _end)
        {
            _start = _end = 0;
        }

        return message is not null;
    }

    private bool TryAbandon(out SolarEdgeSerialMessage? message)
    {
        // spec §1.5 rule 6b: drop the stalled candidate's first byte and look again at the bytes behind it.
        while (true)
        {
            var sequence = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
            long before = sequence.Length;
            if (!_framer.AbandonCandidate(ref sequence))
            {
                message = null;
                return false;
            }

            _start += (int)(before - sequence.Length);
            if (TryTake(out message))
            {
                return true;
            }

            if (_end == _start)
            {
                return false;
            }
        }
    }

    private void Compact()
    {
        int pending = Pending;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        }
        else
        {
            Array.Resize(ref _buffer, _buffer.Length * 2); // a long message still arriving
        }

        _start = 0;
        _end = pending;
    }
}
