using System.Buffers;
using System.Buffers.Binary;

namespace SolarTap.Protocols.SolarEdge;

/// <summary>
/// Finds SolarEdge messages in a byte stream that may split, join, corrupt or pad them (spec §1.5).
/// Length-driven: a message is returned as soon as its last byte is in the buffer. One reader per stream.
/// </summary>
public sealed class SolarEdgeFrameReader
{
    private const int LengthFieldsEnd = 8;

    /// <summary>A reader that refuses declared payloads longer than <paramref name="maxPayloadLength"/>.</summary>
    public SolarEdgeFrameReader(int maxPayloadLength = SolarEdgeWire.DefaultMaxPayloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPayloadLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPayloadLength, SolarEdgeWire.MaxPayloadLength);
        MaxPayloadLength = maxPayloadLength;
    }

    /// <summary>Declared payload lengths above this are treated as false barkers.</summary>
    public int MaxPayloadLength { get; }

    /// <summary>Counters since the reader was made.</summary>
    public FrameReaderStatistics Statistics { get; } = new();

    /// <summary>
    /// Reads the next message from the front of <paramref name="buffer"/>.
    /// </summary>
    /// <returns>
    /// <see cref="OperationStatus.Done"/>: <paramref name="frame"/> is set and <paramref name="buffer"/> starts after it.
    /// <see cref="OperationStatus.NeedMoreData"/>: no complete message yet; garbage before a possible message has been
    /// removed from <paramref name="buffer"/>, what remains must be kept and more bytes appended.
    /// </returns>
    public OperationStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out SolarEdgeFrame frame)
    {
        Span<byte> header = stackalloc byte[SolarEdgeWire.HeaderSize];
        while (true)
        {
            if (!SkipToBarker(ref buffer) || buffer.Length < LengthFieldsEnd)
            {
                break;
            }

            buffer.Slice(0, LengthFieldsEnd).CopyTo(header);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
            int inverted = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
            if (inverted != (~length & 0xFFFF))
            {
                Statistics.LengthMismatches++;
                Skip(ref buffer, 1); // spec §1.5 rule 2: a false barker
                continue;
            }

            if (length > MaxPayloadLength)
            {
                Statistics.OversizedCandidates++;
                Skip(ref buffer, 1); // spec §1.5 rule 6a
                continue;
            }

            int frameSize = SolarEdgeWire.FrameSize(length);
            if (buffer.Length < frameSize)
            {
                break;
            }

            buffer.Slice(0, SolarEdgeWire.HeaderSize).CopyTo(header);
            var parsed = ParseHeader(header);
            ReadOnlySequence<byte> payload = buffer.Slice(SolarEdgeWire.HeaderSize, length);
            Span<byte> crcBytes = stackalloc byte[SolarEdgeWire.CrcSize];
            buffer.Slice(SolarEdgeWire.HeaderSize + length, SolarEdgeWire.CrcSize).CopyTo(crcBytes);
            if (SolarEdgeCrc.Compute(parsed, payload) != BinaryPrimitives.ReadUInt16LittleEndian(crcBytes))
            {
                Statistics.CrcErrors++;
                Skip(ref buffer, SolarEdgeWire.Barker.Length); // spec §1.5 rule 4: rescan after the barker
                continue;
            }

            frame = new SolarEdgeFrame(parsed, payload);
            buffer = buffer.Slice(frameSize);
            Statistics.Frames++;
            return OperationStatus.Done;
        }

        frame = default;
        return OperationStatus.NeedMoreData;
    }

    /// <summary>
    /// Gives up the incomplete candidate at the front of <paramref name="buffer"/> by dropping its first byte, so the
    /// bytes after it are scanned again (spec §1.5 rule 6b). Call at end of input, or when a live link has been idle.
    /// </summary>
    /// <returns><see langword="false"/> when the buffer was already empty.</returns>
    public bool AbandonCandidate(ref ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return false;
        }

        if (buffer.Length >= SolarEdgeWire.Barker.Length && StartsWithBarker(buffer))
        {
            Statistics.TruncatedCandidates++;
        }

        Skip(ref buffer, 1);
        return true;
    }

    /// <summary>
    /// Parses exactly one complete message (such as the inner message of an encrypted wrapper).
    /// </summary>
    /// <returns><see langword="false"/> unless <paramref name="message"/> starts with a whole valid message.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, out SolarEdgeHeader header, out Range payload)
    {
        header = default;
        payload = default;
        if (message.Length < SolarEdgeWire.Overhead || !message.StartsWith(SolarEdgeWire.Barker))
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16LittleEndian(message[4..]);
        int inverted = BinaryPrimitives.ReadUInt16LittleEndian(message[6..]);
        if (inverted != (~length & 0xFFFF) || message.Length < SolarEdgeWire.FrameSize(length))
        {
            return false;
        }

        var parsed = ParseHeader(message);
        ReadOnlySpan<byte> body = message.Slice(SolarEdgeWire.HeaderSize, length);
        ushort crc = BinaryPrimitives.ReadUInt16LittleEndian(message[(SolarEdgeWire.HeaderSize + length)..]);
        if (SolarEdgeCrc.Compute(parsed, body) != crc)
        {
            return false;
        }

        header = parsed;
        payload = new Range(SolarEdgeWire.HeaderSize, SolarEdgeWire.HeaderSize + length);
        return true;
    }

    private static SolarEdgeHeader ParseHeader(ReadOnlySpan<byte> header) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(header[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(header[10..]),
        BinaryPrimitives.ReadUInt32LittleEndian(header[14..]),
        (FunctionCode)BinaryPrimitives.ReadUInt16LittleEndian(header[18..]));

    /// <summary>
    /// Drops bytes up to the first barker. Without a barker, keeps only a tail that could be the start of one.
    /// </summary>
    /// <returns><see langword="true"/> when <paramref name="buffer"/> now starts with a whole barker.</returns>
    private bool SkipToBarker(ref ReadOnlySequence<byte> buffer)
    {
        ReadOnlySpan<byte> barker = SolarEdgeWire.Barker;
        if (buffer.IsSingleSegment)
        {
            ReadOnlySpan<byte> span = buffer.FirstSpan;
            int at = span.IndexOf(barker);
            if (at >= 0)
            {
                Skip(ref buffer, at);
                return true;
            }

            Skip(ref buffer, span.Length - PartialBarkerTail(span));
            return false;
        }

        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryAdvanceTo(barker[0], advancePastDelimiter: false))
        {
            if (reader.Remaining < barker.Length)
            {
                // A possible start of a barker at the very end: keep it if it matches so far.
                Span<byte> tail = stackalloc byte[barker.Length];
                int have = (int)reader.Remaining;
                buffer.Slice(reader.Position).CopyTo(tail);
                if (barker.StartsWith(tail[..have]))
                {
                    Skip(ref buffer, reader.Consumed);
                    return false;
                }

                break;
            }

            if (reader.IsNext(barker))
            {
                Skip(ref buffer, reader.Consumed);
                return true;
            }

            reader.Advance(1);
        }

        Skip(ref buffer, buffer.Length);
        return false;
    }

    private static int PartialBarkerTail(ReadOnlySpan<byte> span)
    {
        ReadOnlySpan<byte> barker = SolarEdgeWire.Barker;
        for (int keep = Math.Min(barker.Length - 1, span.Length); keep > 0; keep--)
        {
            if (barker.StartsWith(span[^keep..]))
            {
                return keep;
            }
        }

        return 0;
    }

    private static bool StartsWithBarker(in ReadOnlySequence<byte> buffer)
    {
        Span<byte> start = stackalloc byte[SolarEdgeWire.Barker.Length];
        buffer.Slice(0, start.Length).CopyTo(start);
        return start.SequenceEqual(SolarEdgeWire.Barker);
    }

    private void Skip(ref ReadOnlySequence<byte> buffer, long count)
    {
        if (count <= 0)
        {
            return;
        }

        Statistics.BytesSkipped += count;
        buffer = buffer.Slice(count);
    }
}
