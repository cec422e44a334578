using static SolarTap.Protocols.SolarEdge.Telemetry.TelemetryValue;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0010, single-phase inverter, 104 data bytes or more (spec §3.6). The 104-byte base layout is decoded
/// into properties; every byte after it is kept in <see cref="Extension"/>, whose known fields (L ≥ 124) are read
/// by the nullable accessors. Lengths 104, 124, 174, 180 and 186 are known; any length ≥ 104 is accepted.
/// <code>
///  0 time │ 4 uptime │ 8 interval │ 12 temp │ 16 Eday │ 20 Eac │ 24 Vac │ 28 Iac │ 32 freq │ 36 EdayDC │ 40 EacDC
///  44 Vdc │ 48 Idc │ 52 Etot │ 56 Ircd │ 60 ? │ 64 cosφ │ 68 mode u32 │ 72 Pmax? (CONFLICT) │ 76 limit % │ 80 IoutDC
///  84 ? │ 88 ? │ 92 P │ 96 S │ 100 Q ║ extension: 104 ? │ 108 ? │ 112 ? │ 116 Etot u32 │ 120 ? │ 124.. unknown
///  (all f32 unless marked)
/// </code>
/// </summary>
public sealed record SinglePhaseInverterTelemetry
{
    /// <summary>Smallest data length decoded (semonitor's layout).</summary>
    public const int BaseLength = 104;

    /// <summary>Inverter ID as sent.</summary>
    public uint DeviceId { get; init; }

    /// <summary>UTC Unix seconds.</summary>
    public uint Timestamp { get; init; }

    /// <summary>Seconds since start (offset 4).</summary>
    public uint Uptime { get; init; }

    /// <summary>Interval the record covers, s, normally 300 (offset 8).</summary>
    public uint Interval { get; init; }

    /// <summary>Temperature, °C (offset 12).</summary>
    public float Temperature { get; init; }

    /// <summary>AC energy today, Wh (offset 16).</summary>
    public float EnergyToday { get; init; }

    /// <summary>AC energy in this interval, Wh (offset 20).</summary>
    public float EnergyInterval { get; init; }

    /// <summary>AC voltage, V (offset 24).</summary>
    public float AcVoltage { get; init; }

    /// <summary>AC current, A (offset 28).</summary>
    public float AcCurrent { get; init; }

    /// <summary>Grid frequency, Hz (offset 32).</summary>
    public float AcFrequency { get; init; }

    /// <summary>DC energy today, Wh (offset 36; always "not available" in practice).</summary>
    public float DcEnergyToday { get; init; }

    /// <summary>DC energy in this interval, Wh (offset 40; "not available" in practice).</summary>
    public float DcEnergyInterval { get; init; }

    /// <summary>DC voltage, V (offset 44).</summary>
    public float DcVoltage { get; init; }

    /// <summary>DC current, A (offset 48; "not available" in practice).</summary>
    public float DcCurrent { get; init; }

    /// <summary>Lifetime energy, Wh, as f32 (offset 52; loses precision above 16.7 MWh).</summary>
    public float EnergyTotal { get; init; }

    /// <summary>Residual current, A (offset 56).</summary>
    public float ResidualCurrent { get; init; }

    /// <summary>Unknown f32 at offset 60.</summary>
    public float Unknown60 { get; init; }

    /// <summary>Power factor cos φ (offset 64).</summary>
    public float PowerFactor { get; init; }

    /// <summary>Operating mode (offset 68): 1 off, 2 sleeping, 3 starting, 4 MPPT, 5 throttled, 6 shutting down, 8 standby.</summary>
    public uint Mode { get; init; }

    /// <summary>
    /// Offset 72, disputed (spec §3.6 CONFLICT, §9 item 1): semonitor "Pmax", se-logger "GndFltR", pysolaredge-wg
    /// "isolation". SolarTap reads it as the maximum AC power (5000.0 on an SE5000); see docs/solaredge-decoding.md.
    /// </summary>
    public float MaxPowerOrIsolation { get; init; }

    /// <summary>Active power limit, % (offset 76).</summary>
    public float PowerLimit { get; init; }

    /// <summary>DC output current, A (offset 80; meaning not confirmed).</summary>
    public float DcOutputCurrent { get; init; }

    /// <summary>Unknown f32 at offset 84.</summary>
    public float Unknown84 { get; init; }

    /// <summary>Unknown f32 at offset 88.</summary>
    public float Unknown88 { get; init; }

    /// <summary>AC active power, W (offset 92).</summary>
    public float ActivePower { get; init; }

    /// <summary>AC apparent power, VA (offset 96).</summary>
    public float ApparentPower { get; init; }

    /// <summary>AC reactive power, var (offset 100).</summary>
    public float ReactivePower { get; init; }

    /// <summary>The data bytes after the 104-byte base layout, exactly as sent (empty for L = 104).</summary>
    public ReadOnlyMemory<byte> Extension { get; init; }

    /// <summary>Unknown f32 at offset 104 (power-limit related per pysolaredge-wg), if the record has it.</summary>
    public float? Unknown104 => ExtensionF32(104);

    /// <summary>Unknown f32 at offset 108, if present.</summary>
    public float? Unknown108 => ExtensionF32(108);

    /// <summary>Unknown f32 at offset 112, if present.</summary>
    public float? Unknown112 => ExtensionF32(112);

    /// <summary>Lifetime energy, Wh, as u32 (offset 116, what se-logger stores as e_total), if present.</summary>
    public uint? EnergyTotalExact => Extension.Length >= 116 + 4 - BaseLength ? U32(Extension.Span, 116 - BaseLength) : null;

    /// <summary>Unknown u32 at offset 120, if present.</summary>
    public uint? Unknown120 => Extension.Length >= 120 + 4 - BaseLength ? U32(Extension.Span, 120 - BaseLength) : null;

    /// <summary>Declared data length this record encodes to.</summary>
    public int DataLength => BaseLength + Extension.Length;

    /// <summary>The timestamp as a UTC time.</summary>
    public DateTimeOffset Time => ToTime(Timestamp);

    private float? ExtensionF32(int offset)
        => Extension.Length >= offset + 4 - BaseLength ? F32(Extension.Span, offset - BaseLength) : null;

    /// <summary>Decodes a 0x0010 record.</summary>
    public static bool TryDecode(in TelemetryRecord record, out SinglePhaseInverterTelemetry? value)
    {
        value = null;
        return record.Type == TelemetryRecordType.SinglePhaseInverter && TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0010 record.</summary>
    /// <returns><see langword="false"/> when <paramref name="data"/> is shorter than 104 bytes.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out SinglePhaseInverterTelemetry? value)
    {
        if (data.Length < BaseLength)
        {
            value = null;
            return false;
        }

        value = new SinglePhaseInverterTelemetry
        {
            DeviceId = deviceId,
            Timestamp = U32(data, 0),
            Uptime = U32(data, 4),
            Interval = U32(data, 8),
            Temperature = F32(data, 12),
            EnergyToday = F32(data, 16),
            EnergyInterval = F32(data, 20),
            AcVoltage = F32(data, 24),
            AcCurrent = F32(data, 28),
            AcFrequency = F32(data, 32),
            DcEnergyToday = F32(data, 36),
            DcEnergyInterval = F32(data, 40),
            DcVoltage = F32(data, 44),
            DcCurrent = F32(data, 48),
            EnergyTotal = F32(data, 52),
            ResidualCurrent = F32(data, 56),
            Unknown60 = F32(data, 60),
            PowerFactor = F32(data, 64),
            Mode = U32(data, 68),
            MaxPowerOrIsolation = F32(data, 72),
            PowerLimit = F32(data, 76),
            DcOutputCurrent = F32(data, 80),
            Unknown84 = F32(data, 84),
            Unknown88 = F32(data, 88),
            ActivePower = F32(data, 92),
            ApparentPower = F32(data, 96),
            ReactivePower = F32(data, 100),
            Extension = data[BaseLength..].ToArray(),
        };
        return true;
    }

    /// <summary>Writes the record (header, base layout, extension).</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TryStart(destination, TelemetryRecordType.SinglePhaseInverter, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        Put(data, 0, Timestamp);
        Put(data, 4, Uptime);
        Put(data, 8, Interval);
        Put(data, 12, Temperature);
        Put(data, 16, EnergyToday);
        Put(data, 20, EnergyInterval);
        Put(data, 24, AcVoltage);
        Put(data, 28, AcCurrent);
        Put(data, 32, AcFrequency);
        Put(data, 36, DcEnergyToday);
        Put(data, 40, DcEnergyInterval);
        Put(data, 44, DcVoltage);
        Put(data, 48, DcCurrent);
        Put(data, 52, EnergyTotal);
        Put(data, 56, ResidualCurrent);
        Put(data, 60, Unknown60);
        Put(data, 64, PowerFactor);
        Put(data, 68, Mode);
        Put(data, 72, MaxPowerOrIsolation);
        Put(data, 76, PowerLimit);
        Put(data, 80, DcOutputCurrent);
        Put(data, 84, Unknown84);
        Put(data, 88, Unknown88);
        Put(data, 92, ActivePower);
        Put(data, 96, ApparentPower);
        Put(data, 100, ReactivePower);
        Extension.Span.CopyTo(data[BaseLength..]);
        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
