namespace SolarTap.Protocols.Display;

/// <summary>One inverter: one page each.</summary>
/// <param name="Name">Serial number or configured name.</param>
/// <param name="PowerWatts">AC power now, W.</param>
/// <param name="EnergyTodayWattHours">Energy since local midnight, Wh.</param>
/// <param name="DcVoltage">DC input voltage, V.</param>
/// <param name="TemperatureCelsius">Heat-sink temperature, °C.</param>
/// <param name="LastReadingAge">Time since its last reading; null when none yet.</param>
public sealed record InverterView(
    string Name,
    double? PowerWatts,
    double? EnergyTodayWattHours,
    double? DcVoltage,
    double? TemperatureCelsius,
    TimeSpan? LastReadingAge);
