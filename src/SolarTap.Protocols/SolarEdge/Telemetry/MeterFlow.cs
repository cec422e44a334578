namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>Which energy flow a 0x0022 meter record describes: its record-type byte at offset 4 (spec §3.8).</summary>
#pragma warning disable CA1028 // the wire type is i8
public enum MeterFlow : sbyte
#pragma warning restore CA1028
{
    /// <summary>3: site consumption (loads).</summary>
    Consumption = 3,
    /// <summary>5: grid import and export.</summary>
    Grid = 5,
    /// <summary>7: battery charge and discharge.</summary>
    Battery = 7,
    /// <summary>8: mostly zeroes, meaning unknown.</summary>
    MostlyZero = 8,
    /// <summary>9: PV production.</summary>
    Production = 9,
}
