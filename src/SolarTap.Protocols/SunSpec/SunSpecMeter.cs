namespace SolarTap.Protocols.SunSpec;

/// <summary>
/// A meter model, 201–204, already scaled (docs/spec/sunspec.md §3.4). Each tuple is (total or average, phase A,
/// phase B, phase C); points the device did not implement are null. Signs are as the meter reports them.
/// </summary>
public sealed record SunSpecMeter
{
    /// <summary>The model id it was decoded from.</summary>
    public required ushort ModelId { get; init; }

    /// <summary>A, AphA..C: current, A.</summary>
    public (double? Total, double? A, double? B, double? C) Current { get; init; }

    /// <summary>PhV, PhVphA..C: line-to-neutral voltage (average, per phase), V.</summary>
    public (double? Average, double? A, double? B, double? C) PhaseVoltage { get; init; }

    /// <summary>PPV, PPVphAB, BC, CA: line-to-line voltage (average, per pair), V.</summary>
    public (double? Average, double? AB, double? BC, double? CA) LineVoltage { get; init; }

    /// <summary>Hz: frequency.</summary>
    public double? Frequency { get; init; }

    /// <summary>W, WphA..C: real power, W.</summary>
    public (double? Total, double? A, double? B, double? C) Power { get; init; }

    /// <summary>VA, VAphA..C: apparent power, VA.</summary>
    public (double? Total, double? A, double? B, double? C) ApparentPower { get; init; }

    /// <summary>VAR, VARphA..C: reactive power, var.</summary>
    public (double? Total, double? A, double? B, double? C) ReactivePower { get; init; }

    /// <summary>PF, PFphA..C: power factor in percent.</summary>
    public (double? Total, double? A, double? B, double? C) PowerFactorPercent { get; init; }

    /// <summary>TotWhExp, TotWhExpPhA..C: lifetime real energy exported, Wh.</summary>
    public (double? Total, double? A, double? B, double? C) EnergyExported { get; init; }

    /// <summary>TotWhImp, TotWhImpPhA..C: lifetime real energy imported, Wh.</summary>
    public (double? Total, double? A, double? B, double? C) EnergyImported { get; init; }

    /// <summary>Evt: meter event bits.</summary>
    public uint? Events { get; init; }
}
