namespace SolarTap.Protocols.SunSpec;

/// <summary>
/// Model 124, basic storage controls, already scaled (docs/spec/sunspec.md §3.6): the battery an inverter reports
/// inside its own map, with its charge state and the limits it is run at. Missing points are null.
/// </summary>
public sealed record SunSpecStorage
{
    /// <summary>WChaMax: the charge power setpoint the percentages below refer to, W.</summary>
    public double? MaxChargePower { get; init; }

    /// <summary>StorCtl_Mod: bit 0 charge limit active, bit 1 discharge limit active.</summary>
    public ushort? ControlMode { get; init; }

    /// <summary>MinRsvPct: the reserve kept for backup, % of capacity.</summary>
    public double? MinimumReserve { get; init; }

    /// <summary>ChaState: energy available, % of capacity (the state of charge).</summary>
    public double? StateOfCharge { get; init; }

    /// <summary>StorAval: charge available for discharge, Ah.</summary>
    public double? AvailableAmpHours { get; init; }

    /// <summary>InBatV: the battery's voltage at the inverter, V.</summary>
    public double? BatteryVoltage { get; init; }

    /// <summary>ChaSt: charge status (1 off, 2 empty, 3 discharging, 4 charging, 5 full, 6 holding, 7 testing).</summary>
    public ushort? ChargeStatus { get; init; }

    /// <summary>OutWRte: discharge rate limit, % of the maximum discharge rate.</summary>
    public double? DischargeRatePercent { get; init; }

    /// <summary>InWRte: charge rate limit, % of <see cref="MaxChargePower"/>.</summary>
    public double? ChargeRatePercent { get; init; }

    /// <summary>ChaGriSet: 0 charging from PV only, 1 from the grid as well.</summary>
    public ushort? GridCharging { get; init; }
}
