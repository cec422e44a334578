using System.Buffers.Binary;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0080, packed optimizer record, 13 data bytes (spec §3.4). Fields are kept as the raw integers on the
/// wire (what se-logger stores); the scaled values are computed in double precision the way semonitor does.
/// <code>
///  0          4        6                            10       12     13
///  │ time u32 │ uptime │ W = b6|b7&lt;&lt;8|b8&lt;&lt;16|b9&lt;&lt;24  │ energy │ temp │
///                u16     bits 0-9   Vmod ×0.125 V      u16      i8
///                        bits 10-19 Vopt ×0.125 V      ×0.25 Wh ×2 °C
///                        bits 20-31 Imod ×0.00625 A
/// </code>
/// </summary>
/// <param name="DeviceId">Optimizer ID as sent.</param>
/// <param name="Timestamp">UTC Unix seconds.</param>
/// <param name="Uptime">Seconds since the optimizer woke up.</param>
/// <param name="ModuleVoltageRaw">Panel (input) voltage in 1/8 V, 10 bits.</param>
/// <param name="OutputVoltageRaw">Optimizer output voltage in 1/8 V, 10 bits.</param>
/// <param name="ModuleCurrentRaw">Panel (input) current in 1/160 A, 12 bits.</param>
/// <param name="EnergyRaw">Energy since wake-up in 1/4 Wh.</param>
/// <param name="TemperatureRaw">Temperature in 2 °C steps, signed (spec §3.4; §9 item 8).</param>
public readonly record struct PackedOptimizerTelemetry(
    uint DeviceId,
    uint Timestamp,
    ushort Uptime,
    ushort ModuleVoltageRaw,
    ushort OutputVoltageRaw,
    ushort ModuleCurrentRaw,
    ushort EnergyRaw,
    sbyte TemperatureRaw)
{
    /// <summary>Data length of this record type.</summary>
    public const int DataLength = 13;

    /// <summary>Panel (input) voltage, V.</summary>
    public double ModuleVoltage => PackedOptimizerWord.VoltsPerStep * ModuleVoltageRaw;

    /// <summary>Optimizer output voltage, V.</summary>
    public double OutputVoltage => PackedOptimizerWord.VoltsPerStep * OutputVoltageRaw;

    /// <summary>Panel (input) current, A (0.00625 × n in double, as semonitor: 7.675000000000001 is expected).</summary>
    public double ModuleCurrent => PackedOptimizerWord.AmperesPerStep * ModuleCurrentRaw;

    /// <summary>Energy since wake-up, Wh.</summary>
    public double Energy => PackedOptimizerWord.WattHoursPerStep * EnergyRaw;

    /// <summary>Temperature, °C.</summary>
    public double Temperature => PackedOptimizerWord.DegreesPerStep * TemperatureRaw;

    /// <summary>The timestamp as a UTC time.</summary>
    public DateTimeOffset Time => TelemetryValue.ToTime(Timestamp);

    /// <summary>Decodes a 0x0080 record.</summary>
    /// <returns><see langword="false"/> unless the record is of type 0x0080 with exactly 13 data bytes.</returns>
    public static bool TryDecode(in TelemetryRecord record, out PackedOptimizerTelemetry value)
    {
        if (record.Type != TelemetryRecordType.PackedOptimizer)
        {
            value = default;
            return false;
        }

        return TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0080 record.</summary>
    /// <returns><see langword="false"/> unless <paramref name="data"/> is exactly 13 bytes.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out PackedOptimizerTelemetry value)
    {
        if (data.Length != DataLength)
        {
            value = default;
            return false;
        }

        uint word = BinaryPrimitives.ReadUInt32LittleEndian(data[6..]);
        value = new PackedOptimizerTelemetry(
            deviceId,
            BinaryPrimitives.ReadUInt32LittleEndian(data),
            BinaryPrimitives.ReadUInt16LittleEndian(data[4..]),
            PackedOptimizerWord.ModuleVoltage(word),
            PackedOptimizerWord.OutputVoltage(word),
            PackedOptimizerWord.ModuleCurrent(word),
            BinaryPrimitives.ReadUInt16LittleEndian(data[10..]),
            (sbyte)data[12]);
        return true;
    }

    /// <summary>Writes the record (header and data, 21 bytes). Raw fields wider than their bit field are cut to it.</summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small; nothing useful is written then.</returns>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TelemetryValue.TryStart(destination, TelemetryRecordType.PackedOptimizer, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(data, Timestamp);
        BinaryPrimitives.WriteUInt16LittleEndian(data[4..], Uptime);
        BinaryPrimitives.WriteUInt32LittleEndian(data[6..], PackedOptimizerWord.Pack(ModuleVoltageRaw, OutputVoltageRaw, ModuleCurrentRaw));
        BinaryPrimitives.WriteUInt16LittleEndian(data[10..], EnergyRaw);
        data[12] = (byte)TemperatureRaw;
        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
