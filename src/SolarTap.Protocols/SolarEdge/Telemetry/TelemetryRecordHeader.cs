using System.Buffers.Binary;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// The 8-byte header in front of every telemetry record (spec §3.1).
/// <code>
///  0      2           6        8
///  │ type │ device ID │ length │ data (length bytes) ...
///  u16 LE   u32 LE      u16 LE
/// </code>
/// </summary>
/// <param name="Type">Record type.</param>
/// <param name="DeviceId">Device ID as sent (not masked; see <see cref="SolarEdgeAddress.Unmask"/>).</param>
/// <param name="Length">Declared length of the data after the header.</param>
public readonly record struct TelemetryRecordHeader(TelemetryRecordType Type, uint DeviceId, ushort Length)
{
    /// <summary>Size of the header on the wire.</summary>
    public const int Size = 8;

    /// <summary>Reads a header from the start of <paramref name="source"/>.</summary>
    /// <returns><see langword="false"/> when fewer than <see cref="Size"/> bytes are given.</returns>
    public static bool TryRead(ReadOnlySpan<byte> source, out TelemetryRecordHeader header)
    {
        if (source.Length < Size)
        {
            header = default;
            return false;
        }

        header = new TelemetryRecordHeader(
            (TelemetryRecordType)BinaryPrimitives.ReadUInt16LittleEndian(source),
            BinaryPrimitives.ReadUInt32LittleEndian(source[2..]),
            BinaryPrimitives.ReadUInt16LittleEndian(source[6..]));
        return true;
    }

    /// <summary>Writes the header to the start of <paramref name="destination"/>.</summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is shorter than <see cref="Size"/>.</returns>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)Type);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[2..], DeviceId);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], Length);
        return true;
    }
}
