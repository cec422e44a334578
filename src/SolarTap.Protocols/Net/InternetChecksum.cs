using System.Buffers.Binary;

namespace SolarTap.Protocols.Net;

/// <summary>The 16-bit one's complement sum of RFC 1071 used by IPv4 and TCP.</summary>
internal static class InternetChecksum
{
    /// <summary>Adds <paramref name="data"/> to a running sum. Every piece but the last must have even length.</summary>
    public static ulong Add(ulong sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (ulong)data[i] << 8; // an odd last byte is padded with zero on the right
        }

        return sum;
    }

    /// <summary>Folds the carries and complements: the value to put in the checksum field.</summary>
    public static ushort Finish(ulong sum)
    {
        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
