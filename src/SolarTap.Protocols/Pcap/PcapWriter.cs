using System.Buffers;
using System.Buffers.Binary;

namespace SolarTap.Protocols.Pcap;

/// <summary>
/// Writes classic pcap files (draft-ietf-opsawg-pcap) into caller-owned buffers: one file header, then records.
/// </summary>
public sealed class PcapWriter
{
    /// <summary>Size of the file header.</summary>
    public const int FileHeaderSize = 24;

    /// <summary>Size of a record header.</summary>
    public const int RecordHeaderSize = 16;

    /// <summary>A writer for packets of <paramref name="linkType"/>.</summary>
    /// <param name="linkType">Link-layer type of every packet.</param>
    /// <param name="precision">Unit of the fractional timestamp (selects the magic number).</param>
    /// <param name="bigEndian">Write every field big-endian (as a big-endian host would); default little-endian.</param>
    /// <param name="snapLength">Snap length recorded in the header.</param>
    public PcapWriter(LinkType linkType, PcapTimestampPrecision precision = PcapTimestampPrecision.Microseconds, bool bigEndian = false, int snapLength = 262144)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(snapLength);
        LinkType = linkType;
        Precision = precision;
        BigEndian = bigEndian;
        SnapLength = snapLength;
    }

    /// <summary>Link-layer type written in the header.</summary>
    public LinkType LinkType { get; }

    /// <summary>Timestamp unit.</summary>
    public PcapTimestampPrecision Precision { get; }

    /// <summary>Whether fields are big-endian.</summary>
    public bool BigEndian { get; }

    /// <summary>Snap length written in the header.</summary>
    public int SnapLength { get; }

    /// <summary>Bytes one record with <paramref name="capturedLength"/> bytes of data takes.</summary>
    public static int RecordSize(int capturedLength) => RecordHeaderSize + capturedLength;

    /// <summary>Writes the 24-byte file header; returns <see cref="FileHeaderSize"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public int WriteFileHeader(Span<byte> destination)
    {
        EnsureRoom(destination, FileHeaderSize);
        // magic(4) major=2(2) minor=4(2) reserved1(4) reserved2(4) snaplen(4) linktype(4)
        WriteUInt32(destination, Precision == PcapTimestampPrecision.Nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u);
        WriteUInt16(destination[4..], 2);
        WriteUInt16(destination[6..], 4);
        WriteUInt32(destination[8..], 0);
        WriteUInt32(destination[12..], 0);
        WriteUInt32(destination[16..], (uint)SnapLength);
        WriteUInt32(destination[20..], (uint)LinkType & 0xFFFF);
        return FileHeaderSize;
    }

    /// <summary>Writes one record; returns its size.</summary>
    /// <param name="destination">Where to write; must hold <see cref="RecordSize"/> bytes.</param>
    /// <param name="timestampNanoseconds">Capture time, nanoseconds since the Unix epoch, 1970 to 2106.</param>
    /// <param name="data">The captured bytes.</param>
    /// <param name="originalLength">Length on the wire; default (-1) means <paramref name="data"/>'s length.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The time does not fit the format, or the original length is shorter than the data.</exception>
    public int WriteRecord(Span<byte> destination, long timestampNanoseconds, ReadOnlySpan<byte> data, long originalLength = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestampNanoseconds);
        long seconds = Math.DivRem(timestampNanoseconds, 1_000_000_000, out long nanoseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, uint.MaxValue, nameof(timestampNanoseconds));
        originalLength = originalLength < 0 ? data.Length : originalLength;
        ArgumentOutOfRangeException.ThrowIfLessThan(originalLength, data.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(originalLength, uint.MaxValue);
        int size = RecordSize(data.Length);
        EnsureRoom(destination, size);
        WriteUInt32(destination, (uint)seconds);
        WriteUInt32(destination[4..], (uint)(Precision == PcapTimestampPrecision.Nanoseconds ? nanoseconds : nanoseconds / 1000));
        WriteUInt32(destination[8..], (uint)data.Length);
        WriteUInt32(destination[12..], (uint)originalLength);
        data.CopyTo(destination[RecordHeaderSize..]);
        return size;
    }

    /// <summary>Writes the file header to <paramref name="output"/>.</summary>
    public void WriteFileHeader(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Advance(WriteFileHeader(output.GetSpan(FileHeaderSize)));
    }

    /// <summary>Writes one record to <paramref name="output"/> (see <see cref="WriteRecord(Span{byte}, long, ReadOnlySpan{byte}, long)"/>).</summary>
    public void WriteRecord(IBufferWriter<byte> output, long timestampNanoseconds, ReadOnlySpan<byte> data, long originalLength = -1)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Advance(WriteRecord(output.GetSpan(RecordSize(data.Length)), timestampNanoseconds, data, originalLength));
    }

    private static void EnsureRoom(Span<byte> destination, int size)
    {
        if (destination.Length < size)
        {
            throw new ArgumentException($"The pcap data needs {size} bytes; the buffer has {destination.Length}.", nameof(destination));
        }
    }

    private void WriteUInt16(Span<byte> destination, ushort value)
    {
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
        }
    }

    private void WriteUInt32(Span<byte> destination, uint value)
    {
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
        }
    }
}
