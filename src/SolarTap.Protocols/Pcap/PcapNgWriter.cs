using System.Buffers;
using System.Buffers.Binary;

namespace SolarTap.Protocols.Pcap;

/// <summary>
/// Writes a small subset of pcapng (draft-ietf-opsawg-pcapng): Section Header, Interface Description (with
/// if_tsresol), Enhanced Packet and Simple Packet blocks, in either byte order. Start every section with
/// <see cref="WriteSectionHeader"/>, then add interfaces, then packets.
/// </summary>
public sealed class PcapNgWriter
{
    private readonly List<(byte Resolution, uint SnapLength)> _interfaces = [];

    /// <summary>A writer using <paramref name="bigEndian"/> byte order for every block it writes.</summary>
    public PcapNgWriter(bool bigEndian = false) => BigEndian = bigEndian;

    /// <summary>Whether blocks are written big-endian.</summary>
    public bool BigEndian { get; }

    /// <summary>Starts a new section (interface numbers restart at 0).</summary>
    public void WriteSectionHeader(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // type, length, byte-order magic, major 1, minor 0, section length -1 (unknown), no options, length
        Span<byte> block = output.GetSpan(28)[..28];
        WriteUInt32(block, BlockTypes.SectionHeader);
        WriteUInt32(block[4..], 28);
        WriteUInt32(block[8..], BlockTypes.ByteOrderMagic);
        WriteUInt16(block[12..], 1);
        WriteUInt16(block[14..], 0);
        WriteUInt32(block[16..], uint.MaxValue);
        WriteUInt32(block[20..], uint.MaxValue);
        WriteUInt32(block[24..], 28);
        output.Advance(28);
        _interfaces.Clear();
    }

    /// <summary>Describes an interface; returns its number for <see cref="WriteEnhancedPacket"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="linkType">Link-layer type of its packets.</param>
    /// <param name="snapLength">Snap length; 0 means none.</param>
    /// <param name="timestampResolution">if_tsresol byte: 6 = µs (default), 9 = ns, 0x80 | n = 2^-n s.</param>
    public int AddInterface(IBufferWriter<byte> output, LinkType linkType, int snapLength = 0, byte timestampResolution = 6)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(snapLength);
        bool writeResolution = timestampResolution != CaptureTimestamps.Microseconds;
        int size = 20 + (writeResolution ? 12 : 0); // header(8) linktype/reserved/snaplen(8) [if_tsresol(8) end(4)] length(4)
        Span<byte> block = output.GetSpan(size)[..size];
        block.Clear();
        WriteUInt32(block, BlockTypes.InterfaceDescription);
        WriteUInt32(block[4..], (uint)size);
        WriteUInt16(block[8..], (ushort)linkType);
        WriteUInt32(block[12..], (uint)snapLength);
        if (writeResolution)
        {
            WriteUInt16(block[16..], BlockTypes.OptionTimestampResolution);
            WriteUInt16(block[18..], 1);
            block[20] = timestampResolution;
            // opt_endofopt at 24..28 is already zero
        }

        WriteUInt32(block[(size - 4)..], (uint)size);
        output.Advance(size);
        _interfaces.Add((timestampResolution, (uint)snapLength));
        return _interfaces.Count - 1;
    }

    /// <summary>Writes an Enhanced Packet Block.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="interfaceId">A number returned by <see cref="AddInterface"/> in this section.</param>
    /// <param name="timestampNanoseconds">Capture time, nanoseconds since the Unix epoch (converted to the interface's resolution).</param>
    /// <param name="data">The captured bytes.</param>
    /// <param name="originalLength">Length on the wire; default (-1) means <paramref name="data"/>'s length.</param>
    /// <exception cref="ArgumentOutOfRangeException">Unknown interface, negative time, or original length shorter than the data.</exception>
    public void WriteEnhancedPacket(IBufferWriter<byte> output, int interfaceId, long timestampNanoseconds, ReadOnlySpan<byte> data, long originalLength = -1)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(interfaceId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(interfaceId, _interfaces.Count);
        originalLength = CheckOriginal(data, originalLength);
        ulong units = CaptureTimestamps.FromNanoseconds(timestampNanoseconds, _interfaces[interfaceId].Resolution);
        int padded = (data.Length + 3) & ~3;
        int size = 32 + padded;
        Span<byte> block = output.GetSpan(size)[..size];
        WriteUInt32(block, BlockTypes.EnhancedPacket);
        WriteUInt32(block[4..], (uint)size);
        WriteUInt32(block[8..], (uint)interfaceId);
        WriteUInt32(block[12..], (uint)(units >> 32));
        WriteUInt32(block[16..], (uint)units);
        WriteUInt32(block[20..], (uint)data.Length);
        WriteUInt32(block[24..], (uint)originalLength);
        data.CopyTo(block[28..]);
        block.Slice(28 + data.Length, padded - data.Length).Clear();
        WriteUInt32(block[(size - 4)..], (uint)size);
        output.Advance(size);
    }

    /// <summary>
    /// Writes a Simple Packet Block (interface 0, no timestamp). The data must not exceed interface 0's snap length.
    /// </summary>
    /// <exception cref="InvalidOperationException">The section has no interface yet.</exception>
    public void WriteSimplePacket(IBufferWriter<byte> output, ReadOnlySpan<byte> data, long originalLength = -1)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_interfaces.Count == 0)
        {
            throw new InvalidOperationException("A simple packet block needs interface 0; call AddInterface first.");
        }

        originalLength = CheckOriginal(data, originalLength);
        int padded = (data.Length + 3) & ~3;
        int size = 16 + padded;
        Span<byte> block = output.GetSpan(size)[..size];
        WriteUInt32(block, BlockTypes.SimplePacket);
        WriteUInt32(block[4..], (uint)size);
        WriteUInt32(block[8..], (uint)originalLength);
        data.CopyTo(block[12..]);
        block.Slice(12 + data.Length, padded - data.Length).Clear();
        WriteUInt32(block[(size - 4)..], (uint)size);
        output.Advance(size);
    }

    private static long CheckOriginal(ReadOnlySpan<byte> data, long originalLength)
    {
        originalLength = originalLength < 0 ? data.Length : originalLength;
        ArgumentOutOfRangeException.ThrowIfLessThan(originalLength, data.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(originalLength, uint.MaxValue);
        return originalLength;
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
