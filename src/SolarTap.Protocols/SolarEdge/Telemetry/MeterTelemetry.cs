using static SolarTap.Protocols.SolarEdge.Telemetry.TelemetryValue;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0022, meter interval record, 58 data bytes (spec §3.8). Several records with one ID and timestamp
/// come in one post, one per <see cref="Flow"/>. "To X"/"from X" are semonitor's directions: X is the grid for
/// <see cref="MeterFlow.Grid"/>, the battery for <see cref="MeterFlow.Battery"/>, and so on.
/// <code>
///  0 time │ 4 flow i8 │ 5 interval-only i8 │ 6 total to X (8) │ 14 total from X (8) │ 22 total ? (8) │ 30 total ? (8)
///  38 interval u32 │ 42 E to X u32 │ 46 E from X u32 │ 50 P to X f32 │ 54 P from X f32 │ 58
///  total (8) = u32 Wh │ u16 zero │ flags 00 00 valid / 00 80 not reported
/// </code>
/// </summary>
/// <param name="DeviceId">Device ID as sent (the inverter's ID in the samples).</param>
/// <param name="Timestamp">UTC Unix seconds.</param>
/// <param name="Flow">The record-type byte; values outside <see cref="MeterFlow"/> are kept.</param>
/// <param name="OnlyIntervalData">1 when only the interval values are valid, 0 when the totals are valid too.</param>
/// <param name="TotalToX">Lifetime energy to X (semonitor TotalE2Grid), offset 6.</param>
/// <param name="TotalFromX">Lifetime energy from X (semonitor TotalEfromGrid), offset 14.</param>
/// <param name="Total22">Unknown total at offset 22.</param>
/// <param name="Total30">Unknown total at offset 30.</param>
/// <param name="Interval">Interval length, s.</param>
/// <param name="EnergyToX">Energy to X in the interval, Wh.</param>
/// <param name="EnergyFromX">Energy from X in the interval, Wh.</param>
/// <param name="PowerToX">Power to X, W (may be "not available").</param>
/// <param name="PowerFromX">Power from X, W (may be "not available").</param>
public readonly record struct MeterTelemetry(
    uint DeviceId,
    uint Timestamp,
    MeterFlow Flow,
    sbyte OnlyIntervalData,
    MeterTotal TotalToX,
    MeterTotal TotalFromX,
    MeterTotal Total22,
    MeterTotal Total30,
    uint Interval,
    uint EnergyToX,
    uint EnergyFromX,
    float PowerToX,
    float PowerFromX)
{
    /// <summary>Data length of this record type.</summary>
    public const int DataLength = 58;

    /// <summary>The timestamp as a UTC time.</summary>
    public DateTimeOffset Time => ToTime(Timestamp);

    /// <summary>Decodes a 0x0022 record.</summary>
    public static bool TryDecode(in TelemetryRecord record, out MeterTelemetry value)
    {
        if (record.Type != TelemetryRecordType.Meter)
        {
            value = default;
            return false;
        }

        return TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0022 record.</summary>
    /// <returns><see langword="false"/> unless <paramref name="data"/> is exactly 58 bytes.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out MeterTelemetry value)
    {
        if (data.Length != DataLength)
        {
            value = default;
            return false;
        }

        value = new MeterTelemetry(
            deviceId, U32(data, 0), (MeterFlow)(sbyte)data[4], (sbyte)data[5],
            MeterTotal.Read(data, 6), MeterTotal.Read(data, 14), MeterTotal.Read(data, 22), MeterTotal.Read(data, 30),
            U32(data, 38), U32(data, 42), U32(data, 46), F32(data, 50), F32(data, 54));
        return true;
    }

    /// <summary>Writes the record (header and 58 data bytes).</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TryStart(destination, TelemetryRecordType.Meter, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        Put(data, 0, Timestamp);
        data[4] = (byte)Flow;
        data[5] = (byte)OnlyIntervalData;
        TotalToX.Write(data, 6);
        TotalFromX.Write(data, 14);
        Total22.Write(data, 22);
        Total30.Write(data, 30);
        Put(data, 38, Interval);
        Put(data, 42, EnergyToX);
        Put(data, 46, EnergyFromX);
        Put(data, 50, PowerToX);
        Put(data, 54, PowerFromX);
        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
