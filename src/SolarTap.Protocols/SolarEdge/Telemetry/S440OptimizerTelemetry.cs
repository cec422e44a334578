using System.Buffers.Binary;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0082, S440 / S-series optimizer, 15 or 21 data bytes (spec §3.5). Bytes 0–9 are as in 0x0080 and
/// verified; everything after is provisional.
/// <code>
///  0      4        6        10       12     13        15        17            21
///  │ time │ uptime │ W      │ energy │ temp │ unknown │ unknown │ inverter ID │
///                   (§3.4)   PROVISIONAL: 0x0080 scaling  L=21 only, bit 0x00800000 set
/// </code>
/// </summary>
/// <param name="DeviceId">Optimizer ID as sent.</param>
/// <param name="Timestamp">UTC Unix seconds.</param>
/// <param name="Uptime">Seconds since wake-up.</param>
/// <param name="ModuleVoltageRaw">Panel voltage in 1/8 V, 10 bits.</param>
/// <param name="OutputVoltageRaw">Output voltage in 1/8 V, 10 bits.</param>
/// <param name="ModuleCurrentRaw">Panel current in 1/160 A, 12 bits.</param>
/// <param name="EnergyRaw">Provisional: energy since wake-up in 1/4 Wh (bytes 10–11).</param>
/// <param name="TemperatureRaw">Provisional: temperature in 2 °C steps (byte 12).</param>
/// <param name="Unknown13">Bytes 13–14, meaning unknown (small values seen).</param>
/// <param name="Unknown15">Bytes 15–16 of the 21-byte form (zero seen); 0 for the 15-byte form.</param>
/// <param name="InverterId">Bytes 17–20 of the 21-byte form: the inverter's ID as sent; null for the 15-byte form.</param>
public readonly record struct S440OptimizerTelemetry(
    uint DeviceId,
    uint Timestamp,
    ushort Uptime,
    ushort ModuleVoltageRaw,
    ushort OutputVoltageRaw,
    ushort ModuleCurrentRaw,
    ushort EnergyRaw,
    sbyte TemperatureRaw,
    ushort Unknown13,
    ushort Unknown15,
    uint? InverterId)
{
    /// <summary>Data length of the short form (se-logger issue #10).</summary>
    public const int ShortDataLength = 15;

    /// <summary>Data length of the long form with the inverter ID (jbuehl issue #178).</summary>
    public const int LongDataLength = 21;

    /// <summary>Data length this record encodes to.</summary>
    public int DataLength => InverterId.HasValue ? LongDataLength : ShortDataLength;

    /// <summary>Panel (input) voltage, V.</summary>
    public double ModuleVoltage => PackedOptimizerWord.VoltsPerStep * ModuleVoltageRaw;

    /// <summary>Optimizer output voltage, V.</summary>
    public double OutputVoltage => PackedOptimizerWord.VoltsPerStep * OutputVoltageRaw;

    /// <summary>Panel (input) current, A.</summary>
    public double ModuleCurrent => PackedOptimizerWord.AmperesPerStep * ModuleCurrentRaw;

    /// <summary>Provisional: energy since wake-up, Wh.</summary>
    public double Energy => PackedOptimizerWord.WattHoursPerStep * EnergyRaw;

    /// <summary>Provisional: temperature, °C.</summary>
    public double Temperature => PackedOptimizerWord.DegreesPerStep * TemperatureRaw;

    /// <summary>The timestamp as a UTC time.</summary>
    public DateTimeOffset Time => TelemetryValue.ToTime(Timestamp);

    /// <summary>Decodes a 0x0082 record.</summary>
    public static bool TryDecode(in TelemetryRecord record, out S440OptimizerTelemetry value)
    {
        if (record.Type != TelemetryRecordType.S440Optimizer)
        {
            value = default;
            return false;
        }

        return TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0082 record.</summary>
    /// <returns><see langword="false"/> unless <paramref name="data"/> is 15 or 21 bytes.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out S440OptimizerTelemetry value)
    {
        if (data.Length is not (ShortDataLength or LongDataLength))
        {
            value = default;
            return false;
        }

        bool isLong = data.Length == LongDataLength;
        uint word = BinaryPrimitives.ReadUInt32LittleEndian(data[6..]);
        value = new S440OptimizerTelemetry(
            deviceId,
            BinaryPrimitives.ReadUInt32LittleEndian(data),
            BinaryPrimitives.ReadUInt16LittleEndian(data[4..]),
            PackedOptimizerWord.ModuleVoltage(word),
            PackedOptimizerWord.OutputVoltage(word),
            PackedOptimizerWord.ModuleCurrent(word),
            BinaryPrimitives.ReadUInt16LittleEndian(data[10..]),
            (sbyte)data[12],
            BinaryPrimitives.ReadUInt16LittleEndian(data[13..]),
            isLong ? BinaryPrimitives.ReadUInt16LittleEndian(data[15..]) : (ushort)0,
            isLong ? BinaryPrimitives.ReadUInt32LittleEndian(data[17..]) : null);
        return true;
    }

    /// <summary>Writes the record (header and 15 or 21 data bytes).</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TelemetryValue.TryStart(destination, TelemetryRecordType.S440Optimizer, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(data, Timestamp);
        BinaryPrimitives.WriteUInt16LittleEndian(data[4..], Uptime);
        BinaryPrimitives.WriteUInt32LittleEndian(data[6..], PackedOptimizerWord.Pack(ModuleVoltageRaw, OutputVoltageRaw, ModuleCurrentRaw));
        BinaryPrimitives.WriteUInt16LittleEndian(data[10..], EnergyRaw);
        data[12] = (byte)TemperatureRaw;
        BinaryPrimitives.WriteUInt16LittleEndian(data[13..], Unknown13);
        if (InverterId is uint inverter)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(data[15..], Unknown15);
            BinaryPrimitives.WriteUInt32LittleEndian(data[17..], inverter);
        }

        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
