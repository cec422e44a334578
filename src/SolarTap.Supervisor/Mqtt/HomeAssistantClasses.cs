using SolarTap.Protocols.Readings;

namespace SolarTap.Supervisor.Mqtt;

/// <summary>
/// How Home Assistant should treat each quantity (developers.home-assistant.io, sensor device classes and state
/// classes): lifetime energy counters are energy/total_increasing in Wh, which the Energy dashboard accepts.
/// </summary>
internal static class HomeAssistantClasses
{
    /// <summary>The device_class (null: none), state_class (null: none, for codes) and whether the entity is diagnostic.</summary>
    public static (string? DeviceClass, string? StateClass, bool Diagnostic) Of(Quantity quantity) => quantity switch
    {
        _ when QuantityInfo.IsLifetimeCounter(quantity) => ("energy", "total_increasing", false),
        Quantity.EnergyToday => ("energy", "total_increasing", false), // resets daily: total_increasing treats the drop as a new cycle
        Quantity.BatteryEnergyStored or Quantity.BatteryCapacityNominal or Quantity.BatteryCapacityActual => ("energy_storage", "measurement", false),
        Quantity.BatteryStateOfCharge => ("battery", "measurement", false),
        Quantity.PowerFactor => ("power_factor", "measurement", false),
        Quantity.Uptime => ("duration", "measurement", true),
        Quantity.ReportingInterval => ("duration", "measurement", true),
        Quantity.OperatingMode or Quantity.AlarmCode or Quantity.BatteryStatus => (null, null, true),
        Quantity.PowerLimit => (null, "measurement", true),
        _ => QuantityInfo.UnitOf(quantity) switch
        {
            Unit.Watt => ("power", "measurement", false),
            Unit.VoltAmpere => ("apparent_power", "measurement", false),
            Unit.VoltAmpereReactive => ("reactive_power", "measurement", false),
            Unit.Volt => ("voltage", "measurement", false),
            Unit.Ampere => ("current", "measurement", false),
            Unit.Hertz => ("frequency", "measurement", false),
            Unit.DegreeCelsius => ("temperature", "measurement", false),
            _ => (null, "measurement", false), // interval energies: not a total, and HA's energy class does not allow measurement
        },
    };
}
