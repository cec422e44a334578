using static SolarTap.Protocols.SolarEdge.Telemetry.TelemetryValue;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0000, optimizer in the old format, 36 data bytes (spec §3.3).
/// <code>
///  0      4             8         12     16    20    24    28     32    36
///  │ time │ inverter ID │ unknown │ uptime │ Vmod │ Vopt │ Imod │ Eday │ temp │
///    u32    u32 (masked)  u32       u32      f32 ...                     f32
/// </code>
/// </summary>
/// <param name="DeviceId">Optimizer ID as sent.</param>
/// <param name="Timestamp">UTC Unix seconds.</param>
/// <param name="InverterId">ID of the inverter the optimizer reports to, as sent (bit 0x00800000 may be set).</param>
/// <param name="Unknown8">Bytes 8–11; the inverter ID again in the samples.</param>
/// <param name="Uptime">Seconds since wake-up.</param>
/// <param name="ModuleVoltage">Panel voltage, V.</param>
/// <param name="OutputVoltage">Optimizer output voltage, V.</param>
/// <param name="ModuleCurrent">Panel current, A.</param>
/// <param name="Energy">Energy since wake-up, Wh.</param>
/// <param name="Temperature">Temperature, °C.</param>
public readonly record struct LegacyOptimizerTelemetry(
    uint DeviceId,
    uint Timestamp,
    uint InverterId,
    uint Unknown8,
    uint Uptime,
    float ModuleVoltage,
    float OutputVoltage,
    float ModuleCurrent,
    float Energy,
    float Temperature)
{
    /// <summary>Data length of this record type.</summary>
    public const int DataLength = 36;

    /// <summary>The timestamp as a UTC time.</summary>
    public DateTimeOffset Time => ToTime(Timestamp);

    /// <summary>Decodes a 0x0000 record.</summary>
    public static bool TryDecode(in TelemetryRecord record, out LegacyOptimizerTelemetry value)
    {
        if (record.Type != TelemetryRecordType.LegacyOptimizer)
        {
            value = default;
            return false;
        }

        return TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0000 record.</summary>
    /// <returns><see langword="false"/> unless <paramref name="data"/> is exactly 36 bytes.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out LegacyOptimizerTelemetry value)
    {
        if (data.Length != DataLength)
        {
            value = default;
            return false;
        }

        value = new LegacyOptimizerTelemetry(
            deviceId, U32(data, 0), U32(data, 4), U32(data, 8), U32(data, 12),
            F32(data, 16), F32(data, 20), F32(data, 24), F32(data, 28), F32(data, 32));
        return true;
    }

    /// <summary>Writes the record (header and 36 data bytes).</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TryStart(destination, TelemetryRecordType.LegacyOptimizer, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        Put(data, 0, Timestamp);
        Put(data, 4, InverterId);
        Put(data, 8, Unknown8);
        Put(data, 12, Uptime);
        Put(data, 16, ModuleVoltage);
        Put(data, 20, OutputVoltage);
        Put(data, 24, ModuleCurrent);
        Put(data, 28, Energy);
        Put(data, 32, Temperature);
        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
