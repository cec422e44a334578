using System.Buffers;
using System.Buffers.Binary;

namespace SolarTap.Protocols.Pcap;

/// <summary>pcapng blocks of <see cref="CaptureFileReader"/> (draft-ietf-opsawg-pcapng).</summary>
public sealed partial class CaptureFileReader
{
    private const int MaxInterfacesPerSection = 4096;
    private const int EnhancedPacketFixedSize = 28; // type, length, interface, ts high, ts low, captured, original
    private readonly List<InterfaceDescription> _interfaces = [];

    // General block structure (§3.1), every field in the section's byte order:
    //  +---------------------------------------------------------------+
    //  |                          Block Type                           |
    //  |                      Block Total Length                       |
    //  /                          Block Body  (padded to 32 bits)      /
    //  |                      Block Total Length                       |
    //  +---------------------------------------------------------------+
    private OperationStatus ReadBlock(ref ReadOnlySequence<byte> buffer, out CapturedPacket packet, out bool isPacket)
    {
        packet = default;
        isPacket = false;
        Span<byte> head = stackalloc byte[EnhancedPacketFixedSize];
        if (buffer.Length < 8)
        {
            return OperationStatus.NeedMoreData;
        }

        buffer.Slice(0, 8).CopyTo(head);
        bool sectionHeader = head[..4].SequenceEqual(BlockTypes.SectionHeaderBytes);
        if (sectionHeader)
        {
            // Section Header Block (§4.1): type, length, byte-order magic, major(2), minor(2), section length(8), options.
            if (buffer.Length < 12)
            {
                return OperationStatus.NeedMoreData;
            }

            buffer.Slice(0, 12).CopyTo(head);
            uint magic = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
            if (magic == BlockTypes.ByteOrderMagic)
            {
                _bigEndian = false;
            }
            else if (magic == BinaryPrimitives.ReverseEndianness(BlockTypes.ByteOrderMagic))
            {
                _bigEndian = true;
            }
            else
            {
                return Fail($"pcapng section header at byte {Statistics.BytesConsumed} has an unknown byte-order magic {Convert.ToHexStringLower(head[8..12])}");
            }
        }
        else if (Statistics.Sections == 0)
        {
            return Fail("pcapng file does not start with a section header block");
        }

        uint type = ReadUInt32(head);
        uint length = ReadUInt32(head[4..]);
        uint minimum = sectionHeader ? 28u : 12u;
        if (length < minimum || length % 4 != 0)
        {
            return Fail($"pcapng block of type 0x{type:x8} at byte {Statistics.BytesConsumed} declares length {length}: must be a multiple of 4 and at least {minimum}");
        }

        if (length > MaxRecordLength)
        {
            return Fail($"pcapng block of type 0x{type:x8} at byte {Statistics.BytesConsumed} declares length {length}, more than the limit of {MaxRecordLength}");
        }

        if (buffer.Length < length)
        {
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySequence<byte> block = buffer.Slice(0, length);
        Span<byte> trailer = stackalloc byte[4];
        block.Slice(length - 4).CopyTo(trailer);
        if (ReadUInt32(trailer) != length)
        {
            return Fail($"pcapng block of type 0x{type:x8} at byte {Statistics.BytesConsumed}: trailing length {ReadUInt32(trailer)} differs from leading length {length}");
        }

        OperationStatus status = type switch
        {
            BlockTypes.SectionHeader => ReadSectionHeader(block),
            BlockTypes.InterfaceDescription => ReadInterface(block),
            BlockTypes.EnhancedPacket => ReadEnhancedPacket(block, out packet, out isPacket),
            BlockTypes.SimplePacket => ReadSimplePacket(block, out packet, out isPacket),
            BlockTypes.ObsoletePacket => ReadObsoletePacket(block, out packet, out isPacket),
            _ => Skip(),
        };
        if (status != OperationStatus.Done)
        {
            return status;
        }

        Consume(ref buffer, length);
        if (isPacket)
        {
            Statistics.Packets++;
        }

        return OperationStatus.Done;
    }

    private OperationStatus Skip()
    {
        Statistics.SkippedBlocks++; // §3.1: a reader skips blocks it does not know, by their length
        return OperationStatus.Done;
    }

    private OperationStatus ReadSectionHeader(in ReadOnlySequence<byte> block)
    {
        Span<byte> fields = stackalloc byte[4];
        block.Slice(12, 4).CopyTo(fields);
        ushort major = ReadUInt16(fields);
        if (major != 1)
        {
            return Fail($"unsupported pcapng version {major}.{ReadUInt16(fields[2..])} at byte {Statistics.BytesConsumed} (only 1.x is defined)");
        }

        _interfaces.Clear(); // interface numbers restart in every section
        Statistics.Sections++;
        return OperationStatus.Done;
    }

    // Interface Description Block (§4.2):
    //  | type = 1 | length | LinkType (2) | Reserved (2) | SnapLen (4) | options ... | length |
    private OperationStatus ReadInterface(in ReadOnlySequence<byte> block)
    {
        if (block.Length < 20)
        {
            return Fail($"pcapng interface description block at byte {Statistics.BytesConsumed} is too short ({block.Length} bytes)");
        }

        if (_interfaces.Count == MaxInterfacesPerSection)
        {
            return Fail($"pcapng section declares more than {MaxInterfacesPerSection} interfaces");
        }

        byte[] bytes = block.ToArray(); // rare and small: options are easier on one span
        var linkType = (LinkType)ReadUInt16(bytes.AsSpan(8));
        uint snapLength = ReadUInt32(bytes.AsSpan(12));
        byte resolution = CaptureTimestamps.Microseconds;
        long offsetSeconds = 0;

        // Options (§3.5): code(2) length(2) value padded to 32 bits; opt_endofopt ends the list.
        ReadOnlySpan<byte> options = bytes.AsSpan(16, bytes.Length - 20);
        while (options.Length >= 4)
        {
            ushort code = ReadUInt16(options);
            int valueLength = ReadUInt16(options[2..]);
            int padded = (valueLength + 3) & ~3;
            if (code == BlockTypes.OptionEnd || options.Length < 4 + padded)
            {
                break; // a malformed option list ends the options, not the file
            }

            ReadOnlySpan<byte> value = options.Slice(4, valueLength);
            if (code == BlockTypes.OptionTimestampResolution && valueLength >= 1)
            {
                resolution = value[0];
            }
            else if (code == BlockTypes.OptionTimestampOffset && valueLength >= 8)
            {
                offsetSeconds = ReadInt64(value);
            }

            options = options[(4 + padded)..];
        }

        _interfaces.Add(new InterfaceDescription(linkType, snapLength, resolution, offsetSeconds));
        Statistics.Interfaces++;
        return OperationStatus.Done;
    }

    // Enhanced Packet Block (§4.3):
    //  | type = 6 | length | Interface ID (4) | Timestamp upper (4) | Timestamp lower (4) |
    //  | Captured Packet Length (4) | Original Packet Length (4) | data, padded | options | length |
    private OperationStatus ReadEnhancedPacket(in ReadOnlySequence<byte> block, out CapturedPacket packet, out bool isPacket)
    {
        packet = default;
        isPacket = false;
        if (block.Length < EnhancedPacketFixedSize + 4)
        {
            return Fail($"pcapng enhanced packet block at byte {Statistics.BytesConsumed} is too short ({block.Length} bytes)");
        }

        Span<byte> head = stackalloc byte[EnhancedPacketFixedSize];
        block.Slice(0, EnhancedPacketFixedSize).CopyTo(head);
        return MakePacket(block, ReadUInt32(head[8..]), head[12..], ReadUInt32(head[20..]), ReadUInt32(head[24..]), EnhancedPacketFixedSize, out packet, out isPacket);
    }

    // Packet Block, obsolete (Appendix A):
    //  | type = 2 | length | Interface ID (2) | Drops Count (2) | Timestamp upper (4) | Timestamp lower (4) |
    //  | Captured Len (4) | Packet Len (4) | data, padded | options | length |
    private OperationStatus ReadObsoletePacket(in ReadOnlySequence<byte> block, out CapturedPacket packet, out bool isPacket)
    {
        packet = default;
        isPacket = false;
        if (block.Length < EnhancedPacketFixedSize + 4)
        {
            return Fail($"pcapng packet block at byte {Statistics.BytesConsumed} is too short ({block.Length} bytes)");
        }

        Span<byte> head = stackalloc byte[EnhancedPacketFixedSize];
        block.Slice(0, EnhancedPacketFixedSize).CopyTo(head);
        return MakePacket(block, ReadUInt16(head[8..]), head[12..], ReadUInt32(head[20..]), ReadUInt32(head[24..]), EnhancedPacketFixedSize, out packet, out isPacket);
    }

    // Simple Packet Block (§4.4): | type = 3 | length | Original Packet Length (4) | data, padded | length |
    // No interface ID (always 0), no timestamp; captured length = min(original, snaplen, room in the block).
    private OperationStatus ReadSimplePacket(in ReadOnlySequence<byte> block, out CapturedPacket packet, out bool isPacket)
    {
        packet = default;
        isPacket = false;
        if (block.Length < 16)
        {
            return Fail($"pcapng simple packet block at byte {Statistics.BytesConsumed} is too short ({block.Length} bytes)");
        }

        if (_interfaces.Count == 0)
        {
            return Skip();
        }

        Span<byte> field = stackalloc byte[4];
        block.Slice(8, 4).CopyTo(field);
        uint original = ReadUInt32(field);
        InterfaceDescription description = _interfaces[0];
        long captured = Math.Min(original, block.Length - 16);
        if (description.SnapLength != 0)
        {
            captured = Math.Min(captured, description.SnapLength);
        }

        packet = new CapturedPacket
        {
            LinkType = description.LinkType,
            OriginalLength = original,
            Data = block.Slice(12, captured),
        };
        isPacket = true;
        return OperationStatus.Done;
    }

    private OperationStatus MakePacket(
        in ReadOnlySequence<byte> block, uint interfaceId, ReadOnlySpan<byte> timestamp, uint captured, uint original,
        int dataOffset, out CapturedPacket packet, out bool isPacket)
    {
        packet = default;
        isPacket = false;
        if (captured > block.Length - dataOffset - 4)
        {
            return Fail($"pcapng packet at byte {Statistics.BytesConsumed} declares {captured} captured bytes but its block holds only {block.Length - dataOffset - 4}");
        }

        if (interfaceId >= _interfaces.Count)
        {
            return Skip(); // refers to an interface the section never described
        }

        InterfaceDescription description = _interfaces[(int)interfaceId];
        ulong units = ((ulong)ReadUInt32(timestamp) << 32) | ReadUInt32(timestamp[4..]);
        packet = new CapturedPacket
        {
            TimestampNanoseconds = CaptureTimestamps.ToNanoseconds(units, description.Resolution, description.OffsetSeconds),
            HasTimestamp = true,
            LinkType = description.LinkType,
            InterfaceId = (int)interfaceId,
            OriginalLength = original,
            Data = block.Slice(dataOffset, captured),
        };
        isPacket = true;
        return OperationStatus.Done;
    }
}
