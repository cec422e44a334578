using System.Buffers;
using System.Buffers.Binary;

namespace SolarTap.Protocols.SolarEdge;

/// <summary>
/// CRC-16 of SolarEdge messages (spec §1.2): CRC-16/ARC (reflected polynomial 0xA001) started at 0x5A5A.
/// It covers sequence, source, destination and function fed big-endian, then the payload as sent.
/// </summary>
/// <remarks>Slicing-by-8: eight derived tables let one step consume eight bytes.</remarks>
public static class SolarEdgeCrc
{
    /// <summary>Initial register value (spec §1.2).</summary>
    public const ushort InitialValue = 0x5A5A;

    private const ushort ReflectedPolynomial = 0xA001;

    // Tables[k][i]: the effect of byte i after k + 1 byte steps with zero input. Tables[0] is the classic table.
    private static readonly ushort[][] Tables = BuildTables();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>.</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        ushort[] t0 = Tables[0], t1 = Tables[1], t2 = Tables[2], t3 = Tables[3];
        ushort[] t4 = Tables[4], t5 = Tables[5], t6 = Tables[6], t7 = Tables[7];
        uint c = crc;
        while (data.Length >= 8)
        {
            c ^= BinaryPrimitives.ReadUInt16LittleEndian(data);
            c = (uint)(t7[c & 0xFF] ^ t6[c >> 8] ^ t5[data[2]] ^ t4[data[3]]
                ^ t3[data[4]] ^ t2[data[5]] ^ t1[data[6]] ^ t0[data[7]]);
            data = data[8..];
        }

        foreach (byte b in data)
        {
            c = t0[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return (ushort)c;
    }

    /// <summary>Continues <paramref name="crc"/> over every segment of <paramref name="data"/>.</summary>
    public static ushort Update(ushort crc, in ReadOnlySequence<byte> data)
    {
        if (data.IsSingleSegment)
        {
            return Update(crc, data.FirstSpan);
        }

        foreach (ReadOnlyMemory<byte> segment in data)
        {
            crc = Update(crc, segment.Span);
        }

        return crc;
    }

    /// <summary>CRC of a message: the header fields big-endian, then the payload (spec §1.2).</summary>
    public static ushort Compute(in SolarEdgeHeader header, ReadOnlySpan<byte> payload)
        => Update(ComputeHeader(header), payload);

    /// <summary>CRC of a message whose payload may span several segments.</summary>
    public static ushort Compute(in SolarEdgeHeader header, in ReadOnlySequence<byte> payload)
        => Update(ComputeHeader(header), payload);

    private static ushort ComputeHeader(in SolarEdgeHeader header)
    {
        // spec §1.2: seq, src, dst, function are fed big-endian although they are sent little-endian.
        Span<byte> bigEndian = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(bigEndian, header.Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(bigEndian[2..], header.Source);
        BinaryPrimitives.WriteUInt32BigEndian(bigEndian[6..], header.Destination);
        BinaryPrimitives.WriteUInt16BigEndian(bigEndian[10..], (ushort)header.Function);
        return Update(InitialValue, bigEndian);
    }

    private static ushort[][] BuildTables()
    {
        var tables = new ushort[8][];
        tables[0] = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            uint c = (uint)i;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ ReflectedPolynomial : c >> 1;
            }

            tables[0][i] = (ushort)c;
        }

        for (int k = 1; k < 8; k++)
        {
            tables[k] = new ushort[256];
            for (int i = 0; i < 256; i++)
            {
                ushort previous = tables[k - 1][i];
                tables[k][i] = (ushort)((previous >> 8) ^ tables[0][previous & 0xFF]);
            }
        }

        return tables;
    }
}
