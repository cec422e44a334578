using static SolarTap.Protocols.SolarEdge.Telemetry.TelemetryValue;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0300, Polestar (communication board) event, 28 data bytes (spec §3.10). Types 0 and 1 occur around
/// entering and leaving night mode; 7 has been seen.
/// <code>
///  0 time │ 4 type u32 │ 8 value1 u32 │ 12 value2 i32 │ 16 value3 u32 │ 20 u32 (0) │ 24 u32 │ 28
///  type 0: value1 start time, value2 end time, value3 a number (1 seen)
///  type 1: value1 start time, value2 a number (time-zone offset s?), value3 end time
/// </code>
/// </summary>
/// <param name="DeviceId">Device ID as sent.</param>
/// <param name="Timestamp">UTC Unix seconds.</param>
/// <param name="EventType">Event type.</param>
/// <param name="Value1">Offset 8: a time for types 0 and 1.</param>
/// <param name="Value2">Offset 12: a time for type 0, a number for type 1.</param>
/// <param name="Value3">Offset 16: a number for type 0, a time for type 1.</param>
/// <param name="Reserved20">Offset 20 (zero seen).</param>
/// <param name="Reserved24">Offset 24 (e.g. 0x0068200F for type 0; meaning unknown).</param>
public readonly record struct PolestarEventTelemetry(
    uint DeviceId,
    uint Timestamp,
    uint EventType,
    uint Value1,
    int Value2,
    uint Value3,
    uint Reserved20,
    uint Reserved24)
{
    /// <summary>Data length of this record type.</summary>
    public const int DataLength = 28;

    /// <summary>The timestamp as a UTC time.</summary>
    public DateTimeOffset Time => ToTime(Timestamp);

    /// <summary>Decodes a 0x0300 record.</summary>
    public static bool TryDecode(in TelemetryRecord record, out PolestarEventTelemetry value)
    {
        if (record.Type != TelemetryRecordType.PolestarEvent)
        {
            value = default;
            return false;
        }

        return TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0300 record.</summary>
    /// <returns><see langword="false"/> unless <paramref name="data"/> is exactly 28 bytes.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out PolestarEventTelemetry value)
    {
        if (data.Length != DataLength)
        {
            value = default;
            return false;
        }

        value = new PolestarEventTelemetry(
            deviceId, U32(data, 0), U32(data, 4), U32(data, 8), I32(data, 12), U32(data, 16), U32(data, 20), U32(data, 24));
        return true;
    }

    /// <summary>Writes the record (header and 28 data bytes).</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TryStart(destination, TelemetryRecordType.PolestarEvent, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        Put(data, 0, Timestamp);
        Put(data, 4, EventType);
        Put(data, 8, Value1);
        Put(data, 12, Value2);
        Put(data, 16, Value3);
        Put(data, 20, Reserved20);
        Put(data, 24, Reserved24);
        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
