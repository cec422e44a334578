namespace SolarTap.Protocols.Readings;

/// <summary>
/// The closed vocabulary of measured quantities (ARCHITECTURE §3). Every source maps its fields onto these;
/// every sink derives its own names and classes from them. The unit of each is fixed: see <see cref="QuantityInfo"/>.
/// </summary>
public enum Quantity
{
    // AC side of an inverter
    /// <summary>Active AC power, W (per phase when a phase is given).</summary>
    AcPower,
    /// <summary>Apparent AC power, VA.</summary>
    AcApparentPower,
    /// <summary>Reactive AC power, var.</summary>
    AcReactivePower,
    /// <summary>AC voltage phase to neutral, V.</summary>
    AcVoltage,
    /// <summary>AC voltage line to line, V (phase L1 means L1–L2, L2 means L2–L3, L3 means L3–L1).</summary>
    AcLineVoltage,
    /// <summary>AC current, A.</summary>
    AcCurrent,
    /// <summary>Grid frequency, Hz.</summary>
    AcFrequency,
    /// <summary>Power factor (cos φ), no unit.</summary>
    PowerFactor,
    /// <summary>Residual (leakage) current, A.</summary>
    ResidualCurrent,

    // DC side
    /// <summary>DC voltage: the inverter's DC bus, or an optimizer's panel (input) voltage, V.</summary>
    DcVoltage,
    /// <summary>DC current: an optimizer's panel (input) current, A.</summary>
    DcCurrent,
    /// <summary>DC power, W.</summary>
    DcPower,
    /// <summary>An optimizer's output voltage, V.</summary>
    DcOutputVoltage,

    // Energy counters
    /// <summary>Energy produced today (inverter) or since wake-up (optimizer), Wh.</summary>
    EnergyToday,
    /// <summary>Energy produced in the reporting interval, Wh.</summary>
    EnergyInterval,
    /// <summary>Lifetime energy produced, Wh (monotonic).</summary>
    EnergyTotal,

    // Device state
    /// <summary>Device temperature, °C.</summary>
    Temperature,
    /// <summary>Time since the device started, s.</summary>
    Uptime,
    /// <summary>Length of the interval the record covers, s.</summary>
    ReportingInterval,
    /// <summary>Operating mode code as reported by the device (no unit; meaning per protocol).</summary>
    OperatingMode,
    /// <summary>Active power limit, % of rated power.</summary>
    PowerLimit,
    /// <summary>Maximum AC power the device reports it may deliver, W.</summary>
    MaxAcPower,
    /// <summary>Alarm or fault code as reported by the device (no unit; 0 = none).</summary>
    AlarmCode,

    // Grid (meter) and site flows
    /// <summary>Power drawn from the grid, W.</summary>
    GridImportPower,
    /// <summary>Power sent to the grid, W.</summary>
    GridExportPower,
    /// <summary>Net grid power, W: positive importing, negative exporting.</summary>
    GridPower,
    /// <summary>Lifetime energy drawn from the grid, Wh (monotonic).</summary>
    GridImportEnergyTotal,
    /// <summary>Lifetime energy sent to the grid, Wh (monotonic).</summary>
    GridExportEnergyTotal,
    /// <summary>Energy drawn from the grid in the interval, Wh.</summary>
    GridImportEnergyInterval,
    /// <summary>Energy sent to the grid in the interval, Wh.</summary>
    GridExportEnergyInterval,
    /// <summary>Power consumed by the site's loads, W.</summary>
    LoadPower,
    /// <summary>Energy consumed by the site's loads in the interval, Wh.</summary>
    LoadEnergyInterval,
    /// <summary>Lifetime energy consumed by the site's loads, Wh (monotonic).</summary>
    LoadEnergyTotal,
    /// <summary>PV production power measured by a meter, W.</summary>
    PvPower,
    /// <summary>PV production energy in the interval measured by a meter, Wh.</summary>
    PvEnergyInterval,

    // Battery
    /// <summary>Battery voltage, V.</summary>
    BatteryVoltage,
    /// <summary>Battery current, A: positive charging, negative discharging.</summary>
    BatteryCurrent,
    /// <summary>Battery power, W: positive charging, negative discharging.</summary>
    BatteryPower,
    /// <summary>Battery state of charge, %.</summary>
    BatteryStateOfCharge,
    /// <summary>Energy stored in the battery now, Wh.</summary>
    BatteryEnergyStored,
    /// <summary>Nominal (nameplate) battery capacity, Wh.</summary>
    BatteryCapacityNominal,
    /// <summary>Usable battery capacity now, Wh.</summary>
    BatteryCapacityActual,
    /// <summary>Lifetime energy charged into the battery, Wh (monotonic).</summary>
    BatteryChargeEnergyTotal,
    /// <summary>Lifetime energy discharged from the battery, Wh (monotonic).</summary>
    BatteryDischargeEnergyTotal,
    /// <summary>Energy charged into the battery in the interval, Wh.</summary>
    BatteryChargeEnergyInterval,
    /// <summary>Energy discharged from the battery in the interval, Wh.</summary>
    BatteryDischargeEnergyInterval,
    /// <summary>Battery status code as reported by the device (no unit; meaning per protocol).</summary>
    BatteryStatus,
    /// <summary>Power flowing into the battery, W (≥ 0; for sources that report the two directions separately).</summary>
    BatteryChargePower,
    /// <summary>Power flowing out of the battery, W (≥ 0; for sources that report the two directions separately).</summary>
    BatteryDischargePower,

    // Added for SolarEdge meter records; appended so existing numeric values do not move.
    /// <summary>Lifetime PV production energy measured by a meter, Wh (monotonic).</summary>
    PvEnergyTotal,
}
