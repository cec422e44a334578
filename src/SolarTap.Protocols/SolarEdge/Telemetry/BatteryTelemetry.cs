using System.Text;
using static SolarTap.Protocols.SolarEdge.Telemetry.TelemetryValue;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0030, battery (StorEdge), 86 data bytes or more (spec §3.9). Decoded as semonitor does; there is no
/// public raw sample, so the layout is only as good as semonitor's table.
/// <code>
///  0 time │ 4 battery ID (12 ASCII, NUL padded) │ 16 Vdc │ 20 Idc │ 24 capacity nominal │ 28 capacity actual │ 32 charge
///  36 E in total u32 │ 40 f32 (0) │ 44 E out total u32 │ 48 f32 (0) │ 52 4 bytes │ 56 4 bytes │ 60 temp │ 64 status u16
///  66 f32 (0) │ 70 f32 (0) │ 74 interval u32 │ 78 E in u32 │ 82 E out u32 │ 86.. undeciphered
/// </code>
/// </summary>
public sealed record BatteryTelemetry
{
    /// <summary>Smallest data length decoded.</summary>
    public const int BaseLength = 86;

    private const int IdLength = 12;

    /// <summary>Device ID as sent (the inverter the battery is attached to).</summary>
    public uint DeviceId { get; init; }

    /// <summary>UTC Unix seconds.</summary>
    public uint Timestamp { get; init; }

    /// <summary>The battery's own ID: the 12 bytes at offset 4 as Latin-1 text, leading and trailing NULs removed.</summary>
    public string BatteryId { get; init; } = "";

    /// <summary>Battery voltage, V (offset 16).</summary>
    public float Voltage { get; init; }

    /// <summary>Battery current, A (offset 20; sign convention not confirmed).</summary>
    public float Current { get; init; }

    /// <summary>Nominal capacity, Wh (offset 24).</summary>
    public float CapacityNominal { get; init; }

    /// <summary>Actual (usable) capacity, Wh (offset 28).</summary>
    public float CapacityActual { get; init; }

    /// <summary>Energy stored now, Wh (offset 32).</summary>
    public float Charge { get; init; }

    /// <summary>Lifetime energy charged, Wh (offset 36).</summary>
    public uint TotalEnergyIn { get; init; }

    /// <summary>f32 at offset 40 (always zero seen).</summary>
    public float Zero40 { get; init; }

    /// <summary>Lifetime energy discharged, Wh (offset 44).</summary>
    public uint TotalEnergyOut { get; init; }

    /// <summary>f32 at offset 48 (always zero seen).</summary>
    public float Zero48 { get; init; }

    /// <summary>Bytes 52–55 read as u32 little-endian (a constant in semonitor's samples).</summary>
    public uint Constant52 { get; init; }

    /// <summary>Bytes 56–59 read as u32 little-endian (a constant in semonitor's samples).</summary>
    public uint Constant56 { get; init; }

    /// <summary>Temperature, °C (offset 60).</summary>
    public float Temperature { get; init; }

    /// <summary>Charging status (offset 64): 3 charging, 4 discharging, 6 holding.</summary>
    public ushort Status { get; init; }

    /// <summary>f32 at offset 66 (always zero seen).</summary>
    public float Zero66 { get; init; }

    /// <summary>f32 at offset 70 (always zero seen).</summary>
    public float Zero70 { get; init; }

    /// <summary>Interval, s (offset 74).</summary>
    public uint Interval { get; init; }

    /// <summary>Energy charged in the interval, Wh (offset 78).</summary>
    public uint EnergyIn { get; init; }

    /// <summary>Energy discharged in the interval, Wh (offset 82).</summary>
    public uint EnergyOut { get; init; }

    /// <summary>The data bytes after offset 86, exactly as sent.</summary>
    public ReadOnlyMemory<byte> Undeciphered { get; init; }

    /// <summary>Declared data length this record encodes to.</summary>
    public int DataLength => BaseLength + Undeciphered.Length;

    /// <summary>The timestamp as a UTC time.</summary>
    public DateTimeOffset Time => ToTime(Timestamp);

    /// <summary>Decodes a 0x0030 record.</summary>
    public static bool TryDecode(in TelemetryRecord record, out BatteryTelemetry? value)
    {
        value = null;
        return record.Type == TelemetryRecordType.Battery && TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0030 record.</summary>
    /// <returns><see langword="false"/> when <paramref name="data"/> is shorter than 86 bytes.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out BatteryTelemetry? value)
    {
        if (data.Length < BaseLength)
        {
            value = null;
            return false;
        }

        value = new BatteryTelemetry
        {
            DeviceId = deviceId,
            Timestamp = U32(data, 0),
            BatteryId = Encoding.Latin1.GetString(data.Slice(4, IdLength)).Trim('\0'),
            Voltage = F32(data, 16),
            Current = F32(data, 20),
            CapacityNominal = F32(data, 24),
            CapacityActual = F32(data, 28),
            Charge = F32(data, 32),
            TotalEnergyIn = U32(data, 36),
            Zero40 = F32(data, 40),
            TotalEnergyOut = U32(data, 44),
            Zero48 = F32(data, 48),
            Constant52 = U32(data, 52),
            Constant56 = U32(data, 56),
            Temperature = F32(data, 60),
            Status = U16(data, 64),
            Zero66 = F32(data, 66),
            Zero70 = F32(data, 70),
            Interval = U32(data, 74),
            EnergyIn = U32(data, 78),
            EnergyOut = U32(data, 82),
            Undeciphered = data[BaseLength..].ToArray(),
        };
        return true;
    }

    /// <summary>
    /// Writes the record. The battery ID is written as Latin-1 (other characters as '?'), cut to 12 bytes and
    /// NUL padded.
    /// </summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TryStart(destination, TelemetryRecordType.Battery, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        Put(data, 0, Timestamp);
        Span<byte> id = data.Slice(4, IdLength);
        id.Clear();
        string text = BatteryId ?? "";
        for (int i = 0; i < Math.Min(text.Length, IdLength); i++)
        {
            id[i] = text[i] <= 0xFF ? (byte)text[i] : (byte)'?';
        }

        Put(data, 16, Voltage);
        Put(data, 20, Current);
        Put(data, 24, CapacityNominal);
        Put(data, 28, CapacityActual);
        Put(data, 32, Charge);
        Put(data, 36, TotalEnergyIn);
        Put(data, 40, Zero40);
        Put(data, 44, TotalEnergyOut);
        Put(data, 48, Zero48);
        Put(data, 52, Constant52);
        Put(data, 56, Constant56);
        Put(data, 60, Temperature);
        Put(data, 64, Status);
        Put(data, 66, Zero66);
        Put(data, 70, Zero70);
        Put(data, 74, Interval);
        Put(data, 78, EnergyIn);
        Put(data, 82, EnergyOut);
        Undeciphered.Span.CopyTo(data[BaseLength..]);
        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
