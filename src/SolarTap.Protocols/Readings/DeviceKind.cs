namespace SolarTap.Protocols.Readings;

/// <summary>What kind of device a reading comes from.</summary>
public enum DeviceKind
{
    /// <summary>An inverter.</summary>
    Inverter,
    /// <summary>A panel optimizer (reports through its inverter).</summary>
    Optimizer,
    /// <summary>An energy meter (grid, consumption, PV or battery flows).</summary>
    Meter,
    /// <summary>A battery.</summary>
    Battery,
    /// <summary>An EV charger or diverter.</summary>
    Charger,
    /// <summary>The appliance itself.</summary>
    Appliance,
}
