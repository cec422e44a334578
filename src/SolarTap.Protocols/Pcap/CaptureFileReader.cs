using System.Buffers;
using System.Buffers.Binary;

namespace SolarTap.Protocols.Pcap;

/// <summary>
/// Reads packets from a classic pcap or a pcapng file fed incrementally (for example from a <c>PipeReader</c>), with
/// bounded memory: every declared record or block length is checked against <see cref="MaxRecordLength"/> before the
/// reader waits for that many bytes. Never throws on bad input: a broken file gives
/// <see cref="OperationStatus.InvalidData"/> and a plain message in <see cref="Error"/>. One reader per file.
/// </summary>
public sealed partial class CaptureFileReader
{
    /// <summary>Default cap on a record's captured length or a block's total length: 1 MiB.</summary>
    public const int DefaultMaxRecordLength = 1 << 20;

    private const int PcapFileHeaderSize = 24;
    private const int PcapRecordHeaderSize = 16;

    private bool _bigEndian;
    private PcapTimestampPrecision _precision;
    private LinkType _pcapLinkType;

    /// <summary>A reader that refuses records or blocks longer than <paramref name="maxRecordLength"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRecordLength"/> is below 64 or above 256 MiB.</exception>
    public CaptureFileReader(int maxRecordLength = DefaultMaxRecordLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordLength, 64);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRecordLength, 256 << 20);
        MaxRecordLength = maxRecordLength;
    }

    /// <summary>Largest record (captured bytes) or pcapng block (total length) accepted.</summary>
    public int MaxRecordLength { get; }

    /// <summary>The file's format, once its first bytes have been seen.</summary>
    public CaptureFormat Format { get; private set; }

    /// <summary>Why the input was refused, for a person; <see langword="null"/> while all is well.</summary>
    public string? Error { get; private set; }

    /// <summary>Counters since the reader was made.</summary>
    public CaptureReaderStatistics Statistics { get; } = new();

    /// <summary>
    /// Reads the next packet from the front of <paramref name="buffer"/>, skipping file headers and non-packet blocks.
    /// </summary>
    /// <returns>
    /// <see cref="OperationStatus.Done"/>: <paramref name="packet"/> is set and <paramref name="buffer"/> starts after its record.
    /// <see cref="OperationStatus.NeedMoreData"/>: no complete record yet; keep <paramref name="buffer"/> (headers already read
    /// have been removed) and append more bytes.
    /// <see cref="OperationStatus.InvalidData"/>: the input is not a capture file or is corrupt; see <see cref="Error"/>.
    /// The reader stays in this state.
    /// </returns>
    public OperationStatus TryReadPacket(ref ReadOnlySequence<byte> buffer, out CapturedPacket packet)
    {
        packet = default;
        while (Error is null)
        {
            OperationStatus status;
            switch (Format)
            {
                case CaptureFormat.Unknown:
                    status = ReadMagic(ref buffer);
                    break;
                case CaptureFormat.Pcap:
                    return ReadPcapRecord(ref buffer, out packet);
                default:
                    status = ReadBlock(ref buffer, out packet, out bool isPacket);
                    if (status == OperationStatus.Done && !isPacket)
                    {
                        continue;
                    }

                    return status;
            }

            if (status != OperationStatus.Done)
            {
                return status;
            }
        }

        return OperationStatus.InvalidData;
    }

    /// <summary>
    /// What is wrong when the input ends with <paramref name="remainingBytes"/> bytes left unread in the buffer:
    /// <see langword="null"/> for a complete file, else a message for a person (empty input, truncated record, <see cref="Error"/>).
    /// </summary>
    public string? DescribeEndOfInput(long remainingBytes)
    {
        if (Error is not null)
        {
            return Error;
        }

        if (Format == CaptureFormat.Unknown)
        {
            return remainingBytes == 0
                ? "empty input: not a pcap or pcapng file"
                : $"input ends after {remainingBytes} bytes: too short for a pcap or pcapng file header";
        }

        return remainingBytes == 0 ? null
            : $"capture is truncated: the last {remainingBytes} bytes are an incomplete {(Format == CaptureFormat.Pcap ? "pcap record" : "pcapng block")}";
    }

    private OperationStatus ReadMagic(ref ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[PcapFileHeaderSize];
        if (buffer.Length < 4)
        {
            return OperationStatus.NeedMoreData;
        }

        buffer.Slice(0, 4).CopyTo(header);
        if (header[..4].SequenceEqual(BlockTypes.SectionHeaderBytes))
        {
            Format = CaptureFormat.PcapNg;
            return OperationStatus.Done;
        }

        // draft-ietf-opsawg-pcap §4: 0xa1b2c3d4 = µs, 0xa1b23c4d = ns, written in the writer's byte order.
        switch (BinaryPrimitives.ReadUInt32BigEndian(header))
        {
            case 0xA1B2C3D4: (_bigEndian, _precision) = (true, PcapTimestampPrecision.Microseconds); break;
            case 0xA1B23C4D: (_bigEndian, _precision) = (true, PcapTimestampPrecision.Nanoseconds); break;
            case 0xD4C3B2A1: (_bigEndian, _precision) = (false, PcapTimestampPrecision.Microseconds); break;
            case 0x4D3CB2A1: (_bigEndian, _precision) = (false, PcapTimestampPrecision.Nanoseconds); break;
            default:
                return Fail($"not a pcap or pcapng file: starts with {Convert.ToHexStringLower(header[..4]).Insert(6, " ").Insert(4, " ").Insert(2, " ")}");
        }

        if (buffer.Length < PcapFileHeaderSize)
        {
            return OperationStatus.NeedMoreData;
        }

        // File header: magic(4) major(2) minor(2) reserved1(4) reserved2(4) snaplen(4) linktype+FCS(4)
        buffer.Slice(0, PcapFileHeaderSize).CopyTo(header);
        ushort major = ReadUInt16(header[4..]);
        if (major != 2)
        {
            return Fail($"unsupported pcap version {major}.{ReadUInt16(header[6..])} (only 2.x exists)");
        }

        _pcapLinkType = (LinkType)(ReadUInt32(header[20..]) & 0xFFFF); // upper bits: FCS length, reserved
        Format = CaptureFormat.Pcap;
        Consume(ref buffer, PcapFileHeaderSize);
        return OperationStatus.Done;
    }

    // Record header (draft-ietf-opsawg-pcap §5):
    //  +---------------------------+-----------------------------+
    //  | timestamp seconds (4)     | timestamp µs or ns (4)      |
    //  | captured length (4)       | original length (4)         |
    //  +---------------------------+-----------------------------+  then captured-length bytes of packet data
    private OperationStatus ReadPcapRecord(ref ReadOnlySequence<byte> buffer, out CapturedPacket packet)
    {
        packet = default;
        if (buffer.Length < PcapRecordHeaderSize)
        {
            return OperationStatus.NeedMoreData;
        }

        Span<byte> header = stackalloc byte[PcapRecordHeaderSize];
        buffer.Slice(0, PcapRecordHeaderSize).CopyTo(header);
        uint captured = ReadUInt32(header[8..]);
        if (captured > MaxRecordLength)
        {
            return Fail($"pcap record {Statistics.Packets + 1} at byte {Statistics.BytesConsumed} declares {captured} captured bytes, more than the limit of {MaxRecordLength}");
        }

        if (buffer.Length < PcapRecordHeaderSize + captured)
        {
            return OperationStatus.NeedMoreData;
        }

        long fraction = ReadUInt32(header[4..]);
        packet = new CapturedPacket
        {
            TimestampNanoseconds = (ReadUInt32(header) * 1_000_000_000L) + (_precision == PcapTimestampPrecision.Microseconds ? fraction * 1000 : fraction),
            HasTimestamp = true,
            LinkType = _pcapLinkType,
            OriginalLength = ReadUInt32(header[12..]),
            Data = buffer.Slice(PcapRecordHeaderSize, captured),
        };
        Consume(ref buffer, PcapRecordHeaderSize + captured);
        Statistics.Packets++;
        return OperationStatus.Done;
    }

    private void Consume(ref ReadOnlySequence<byte> buffer, long count)
    {
        buffer = buffer.Slice(count);
        Statistics.BytesConsumed += count;
    }

    private OperationStatus Fail(string message)
    {
        Error = message;
        return OperationStatus.InvalidData;
    }

    private ushort ReadUInt16(ReadOnlySpan<byte> source) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(source) : BinaryPrimitives.ReadUInt16LittleEndian(source);

    private uint ReadUInt32(ReadOnlySpan<byte> source) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source);

    private long ReadInt64(ReadOnlySpan<byte> source) =>
        _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(source) : BinaryPrimitives.ReadInt64LittleEndian(source);
}
