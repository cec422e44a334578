using static SolarTap.Protocols.SolarEdge.Telemetry.TelemetryValue;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0011, three-phase inverter, 128 data bytes or more (spec §3.7). The 128-byte base layout is decoded into
/// properties; the bytes after it are kept in <see cref="Extension"/> and every field of §3.7 that the length
/// covers is read by the nullable accessors. Lengths 128, 200, 258, 264, 266 are known; any length ≥ 128 is accepted.
/// <code>
///  0 time │ 4 uptime │ 8 interval │ 12 temp │ 16 Eday │ 20 Eac │ 24 Vac×3 │ 36 Iac×3 │ 48 freq×3 │ 60 EdayDC │ 64 EacDC
///  68 Vdc │ 72 Idc │ 76 Etot │ 80 Ircd │ 84 ?×3 │ 96 cosφ×3 │ 108 mode u32 │ 112 Pmax? (CONFLICT) │ 116 limit % │ 120 IoutDC1
///  124 IoutDC2 ║ extension: 128 IoutDC3 │ 132 V12,V23,V31 │ 144 P×3 │ 156 S×3 │ 168 Q×3 │ 180 ?×3 │ 192 Etot u32 │ 196 ? u32
///  (all f32 unless marked; ×3 = L1, L2, L3)
/// </code>
/// </summary>
public sealed partial record ThreePhaseInverterTelemetry
{
    /// <summary>Smallest data length decoded (semonitor's layout).</summary>
    public const int BaseLength = 128;

    /// <summary>Inverter ID as sent.</summary>
    public uint DeviceId { get; init; }

    /// <summary>UTC Unix seconds.</summary>
    public uint Timestamp { get; init; }

    /// <summary>Seconds since start (offset 4).</summary>
    public uint Uptime { get; init; }

    /// <summary>Interval the record covers, s (offset 8).</summary>
    public uint Interval { get; init; }

    /// <summary>Temperature, °C (offset 12).</summary>
    public float Temperature { get; init; }

    /// <summary>AC energy today, Wh (offset 16).</summary>
    public float EnergyToday { get; init; }

    /// <summary>AC energy in this interval, Wh (offset 20).</summary>
    public float EnergyInterval { get; init; }

    /// <summary>Phase-to-neutral voltages, V (offsets 24, 28, 32).</summary>
    public PhaseValues AcVoltage { get; init; }

    /// <summary>Phase currents, A (offsets 36, 40, 44).</summary>
    public PhaseValues AcCurrent { get; init; }

    /// <summary>Phase frequencies, Hz (offsets 48, 52, 56).</summary>
    public PhaseValues AcFrequency { get; init; }

    /// <summary>DC energy today (offset 60; "not available" in practice; semonitor prints it as u32).</summary>
    public float DcEnergyToday { get; init; }

    /// <summary>DC energy in this interval (offset 64; "not available" in practice).</summary>
    public float DcEnergyInterval { get; init; }

    /// <summary>DC voltage, V (offset 68).</summary>
    public float DcVoltage { get; init; }

    /// <summary>DC current, A (offset 72; "not available" in practice).</summary>
    public float DcCurrent { get; init; }

    /// <summary>Lifetime energy, Wh, as f32 (offset 76).</summary>
    public float EnergyTotal { get; init; }

    /// <summary>Residual current, A (offset 80).</summary>
    public float ResidualCurrent { get; init; }

    /// <summary>Unknown f32 values at offsets 84, 88, 92 (semonitor data21..23).</summary>
    public PhaseValues Unknown84 { get; init; }

    /// <summary>Power factors cos φ per phase (offsets 96, 100, 104).</summary>
    public PhaseValues PowerFactor { get; init; }

    /// <summary>Operating mode (offset 108), codes as for single phase.</summary>
    public uint Mode { get; init; }

    /// <summary>
    /// Offset 112, disputed like single-phase offset 72 (spec §3.7, §9 item 1): semonitor "GndFrR", se-logger
    /// "GndFltR". SolarTap reads it as the maximum AC power; see docs/solaredge-decoding.md.
    /// </summary>
    public float MaxPowerOrIsolation { get; init; }

    /// <summary>Active power limit, % (offset 116).</summary>
    public float PowerLimit { get; init; }

    /// <summary>DC output current 1 (offset 120; semonitor IoutDC).</summary>
    public float DcOutputCurrent1 { get; init; }

    /// <summary>DC output current 2 (offset 124; semonitor prints it as u32 data31).</summary>
    public float DcOutputCurrent2 { get; init; }

    /// <summary>The data bytes after the 128-byte base layout, exactly as sent.</summary>
    public ReadOnlyMemory<byte> Extension { get; init; }

    /// <summary>DC output current 3 (offset 128), if present.</summary>
    public float? DcOutputCurrent3 => ExtensionF32(128);

    /// <summary>Line-to-line voltages L1–L2, L2–L3, L3–L1, V (offsets 132–143), if present.</summary>
    public PhaseValues? LineVoltage => ExtensionPhases(132);

    /// <summary>Active power per phase, W (offsets 144–155), if present.</summary>
    public PhaseValues? ActivePower => ExtensionPhases(144);

    /// <summary>Apparent power per phase, VA (offsets 156–167), if present.</summary>
    public PhaseValues? ApparentPower => ExtensionPhases(156);

    /// <summary>Reactive power per phase, var (offsets 168–179), if present.</summary>
    public PhaseValues? ReactivePower => ExtensionPhases(168);

    /// <summary>Unknown f32 values at offsets 180, 184, 188, if present.</summary>
    public PhaseValues? Unknown180 => ExtensionPhases(180);

    /// <summary>Lifetime energy, Wh, as u32 (offset 192, se-logger e_total), if present.</summary>
    public uint? EnergyTotalExact => Has(192, 4) ? U32(Extension.Span, 192 - BaseLength) : null;

    /// <summary>Unknown u32 at offset 196, if present.</summary>
    public uint? Unknown196 => Has(196, 4) ? U32(Extension.Span, 196 - BaseLength) : null;

    /// <summary>Declared data length this record encodes to.</summary>
    public int DataLength => BaseLength + Extension.Length;

    /// <summary>The timestamp as a UTC time.</summary>
    public DateTimeOffset Time => ToTime(Timestamp);

    private bool Has(int offset, int size) => Extension.Length >= offset + size - BaseLength;

    private float? ExtensionF32(int offset) => Has(offset, 4) ? F32(Extension.Span, offset - BaseLength) : null;

    private PhaseValues? ExtensionPhases(int offset) => Has(offset, 12) ? PhaseValues.Read(Extension.Span, offset - BaseLength) : null;
}
