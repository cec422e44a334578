namespace SolarTap.Protocols.Readings;

/// <summary>Fixed facts about each <see cref="Quantity"/>: its unit and whether it is a lifetime counter.</summary>
public static class QuantityInfo
{
    /// <summary>The unit every value of <paramref name="quantity"/> is expressed in.</summary>
    public static Unit UnitOf(Quantity quantity) => quantity switch
    {
        Quantity.AcPower or Quantity.DcPower or Quantity.MaxAcPower or Quantity.GridImportPower
            or Quantity.GridExportPower or Quantity.GridPower or Quantity.LoadPower or Quantity.PvPower
            or Quantity.BatteryPower or Quantity.BatteryChargePower or Quantity.BatteryDischargePower => Unit.Watt,
        Quantity.AcApparentPower => Unit.VoltAmpere,
        Quantity.AcReactivePower => Unit.VoltAmpereReactive,
        Quantity.AcVoltage or Quantity.AcLineVoltage or Quantity.DcVoltage or Quantity.DcOutputVoltage
            or Quantity.BatteryVoltage => Unit.Volt,
        Quantity.AcCurrent or Quantity.ResidualCurrent or Quantity.DcCurrent or Quantity.BatteryCurrent => Unit.Ampere,
        Quantity.AcFrequency => Unit.Hertz,
        Quantity.EnergyToday or Quantity.EnergyInterval or Quantity.EnergyTotal or Quantity.GridImportEnergyTotal
            or Quantity.GridExportEnergyTotal or Quantity.GridImportEnergyInterval or Quantity.GridExportEnergyInterval
            or Quantity.LoadEnergyInterval or Quantity.LoadEnergyTotal or Quantity.PvEnergyInterval or Quantity.PvEnergyTotal
            or Quantity.BatteryEnergyStored or Quantity.BatteryCapacityNominal or Quantity.BatteryCapacityActual
            or Quantity.BatteryChargeEnergyTotal or Quantity.BatteryDischargeEnergyTotal
            or Quantity.BatteryChargeEnergyInterval or Quantity.BatteryDischargeEnergyInterval => Unit.WattHour,
        Quantity.Temperature => Unit.DegreeCelsius,
        Quantity.Uptime or Quantity.ReportingInterval => Unit.Second,
        Quantity.PowerLimit or Quantity.BatteryStateOfCharge => Unit.Percent,
        Quantity.PowerFactor or Quantity.OperatingMode or Quantity.AlarmCode or Quantity.BatteryStatus => Unit.None,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Not a quantity of the vocabulary."),
    };

    /// <summary>The unit's symbol as users read it ("W", "Wh", "°C"; empty for <see cref="Unit.None"/>).</summary>
    public static string Symbol(Unit unit) => unit switch
    {
        Unit.None => "",
        Unit.Watt => "W",
        Unit.VoltAmpere => "VA",
        Unit.VoltAmpereReactive => "var",
        Unit.WattHour => "Wh",
        Unit.Volt => "V",
        Unit.Ampere => "A",
        Unit.Hertz => "Hz",
        Unit.DegreeCelsius => "°C",
        Unit.Second => "s",
        Unit.Percent => "%",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a unit of the vocabulary."),
    };

    /// <summary>True for lifetime counters that only grow (what an energy dashboard sums).</summary>
    public static bool IsLifetimeCounter(Quantity quantity) => quantity is Quantity.EnergyTotal
        or Quantity.GridImportEnergyTotal or Quantity.GridExportEnergyTotal or Quantity.LoadEnergyTotal
        or Quantity.BatteryChargeEnergyTotal or Quantity.BatteryDischargeEnergyTotal or Quantity.PvEnergyTotal;
}
