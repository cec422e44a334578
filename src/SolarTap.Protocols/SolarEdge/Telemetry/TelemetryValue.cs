using System.Buffers.Binary;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>Value conventions shared by the telemetry records (spec §3.1).</summary>
public static class TelemetryValue
{
    /// <summary>Bit pattern of the f32 "not available" marker (bytes <c>ff ff 7f ff</c>, −FLT_MAX).</summary>
    public const uint NotAvailableBits = 0xFF7F_FFFF;

    /// <summary>The "not available" marker as a float (−3.4028235e38).</summary>
    public static float NotAvailable => BitConverter.UInt32BitsToSingle(NotAvailableBits);

    /// <summary>True when <paramref name="value"/> is the "not available" marker.</summary>
    public static bool IsNotAvailable(float value) => BitConverter.SingleToUInt32Bits(value) == NotAvailableBits;

    /// <summary>The value widened to double, or null for the "not available" marker.</summary>
    public static double? OrNull(float value) => IsNotAvailable(value) ? null : value;

    /// <summary>A record timestamp (u32 UTC Unix seconds) as a UTC time.</summary>
    public static DateTimeOffset ToTime(uint unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    internal static float F32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadSingleLittleEndian(data[offset..]);

    internal static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);

    internal static int I32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadInt32LittleEndian(data[offset..]);

    internal static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);

    internal static void Put(Span<byte> data, int offset, float value) => BinaryPrimitives.WriteSingleLittleEndian(data[offset..], value);

    internal static void Put(Span<byte> data, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(data[offset..], value);

    internal static void Put(Span<byte> data, int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(data[offset..], value);

    internal static void Put(Span<byte> data, int offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(data[offset..], value);

    /// <summary>Writes a record header for <paramref name="dataLength"/> bytes and returns the data area, or false if it does not fit.</summary>
    internal static bool TryStart(Span<byte> destination, TelemetryRecordType type, uint deviceId, int dataLength, out Span<byte> data)
    {
        data = default;
        if (dataLength > ushort.MaxValue || destination.Length < TelemetryRecordHeader.Size + dataLength)
        {
            return false;
        }

        new TelemetryRecordHeader(type, deviceId, (ushort)dataLength).TryWrite(destination);
        data = destination.Slice(TelemetryRecordHeader.Size, dataLength);
        return true;
    }
}
