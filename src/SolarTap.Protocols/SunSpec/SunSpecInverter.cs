namespace SolarTap.Protocols.SunSpec;

/// <summary>
/// An inverter model, 101–103 (integer + scale factor) or 111–113 (float32), already scaled (docs/spec/sunspec.md
/// §3.2, §3.3). Points the device did not implement are null.
/// </summary>
public sealed record SunSpecInverter
{
    /// <summary>The model id it was decoded from.</summary>
    public required ushort ModelId { get; init; }

    /// <summary>True for the single-phase models 101 and 111.</summary>
    public bool IsSinglePhase => ModelId is SunSpecModelIds.InverterSinglePhase or SunSpecModelIds.InverterSinglePhaseFloat;

    /// <summary>A: total AC current, A.</summary>
    public double? Current { get; init; }

    /// <summary>AphA, AphB, AphC: per-phase AC current, A.</summary>
    public (double? A, double? B, double? C) PhaseCurrent { get; init; }

    /// <summary>PPVphAB, PPVphBC, PPVphCA: line-to-line voltage, V.</summary>
    public (double? AB, double? BC, double? CA) LineVoltage { get; init; }

    /// <summary>PhVphA, PhVphB, PhVphC: phase-to-neutral voltage, V.</summary>
    public (double? A, double? B, double? C) PhaseVoltage { get; init; }

    /// <summary>W: AC power, W.</summary>
    public double? Power { get; init; }

    /// <summary>Hz: line frequency.</summary>
    public double? Frequency { get; init; }

    /// <summary>VA: apparent power.</summary>
    public double? ApparentPower { get; init; }

    /// <summary>VAr: reactive power, var.</summary>
    public double? ReactivePower { get; init; }

    /// <summary>PF: power factor as the model defines it, in percent (100 = cos φ 1).</summary>
    public double? PowerFactorPercent { get; init; }

    /// <summary>WH: lifetime AC energy, Wh.</summary>
    public double? Energy { get; init; }

    /// <summary>DCA: DC current, A.</summary>
    public double? DcCurrent { get; init; }

    /// <summary>DCV: DC voltage, V.</summary>
    public double? DcVoltage { get; init; }

    /// <summary>DCW: DC power, W.</summary>
    public double? DcPower { get; init; }

    /// <summary>TmpCab, TmpSnk, TmpTrns, TmpOt: cabinet, heat sink, transformer and other temperature, °C.</summary>
    public (double? Cabinet, double? HeatSink, double? Transformer, double? Other) Temperature { get; init; }

    /// <summary>St: operating state (1 off, 2 sleeping, 3 starting, 4 MPPT, 5 throttled, 6 shutting down, 7 fault, 8 standby).</summary>
    public ushort? State { get; init; }

    /// <summary>StVnd: vendor operating state.</summary>
    public ushort? VendorState { get; init; }

    /// <summary>Evt1: event bits (0 ground fault, 1 DC over-voltage, ... 15 hardware test failure).</summary>
    public uint? Events { get; init; }

    /// <summary>EvtVnd1: vendor event bits.</summary>
    public uint? VendorEvents { get; init; }
}
