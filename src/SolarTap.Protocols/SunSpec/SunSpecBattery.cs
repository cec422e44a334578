namespace SolarTap.Protocols.SunSpec;

/// <summary>Model 802, the battery base model, already scaled (docs/spec/sunspec.md §3.5). Missing points are null.</summary>
public sealed record SunSpecBattery
{
    /// <summary>AHRtg: nameplate charge capacity, Ah.</summary>
    public double? RatedAmpHours { get; init; }

    /// <summary>WHRtg: nameplate energy capacity, Wh.</summary>
    public double? RatedEnergy { get; init; }

    /// <summary>SoC: state of charge, %.</summary>
    public double? StateOfCharge { get; init; }

    /// <summary>SoH: state of health, %.</summary>
    public double? StateOfHealth { get; init; }

    /// <summary>ChaSt: charge status (1 off, 2 empty, 3 discharging, 4 charging, 5 full, 6 holding, 7 testing).</summary>
    public ushort? ChargeStatus { get; init; }

    /// <summary>State: bank state (1 disconnected, 2 initializing, 3 connected, 4 standby, 5 SoC protection, 6 suspending, 99 fault).</summary>
    public ushort? State { get; init; }

    /// <summary>Evt1: alarm and warning bits.</summary>
    public uint? Events { get; init; }

    /// <summary>V: DC bus voltage of the bank, V.</summary>
    public double? Voltage { get; init; }

    /// <summary>A: DC current to or from the bank, A, as the device signs it.</summary>
    public double? Current { get; init; }

    /// <summary>W: power to or from the bank, W, as the device signs it.</summary>
    public double? Power { get; init; }
}
