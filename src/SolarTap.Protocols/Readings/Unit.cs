namespace SolarTap.Protocols.Readings;

/// <summary>Units of the quantity vocabulary.</summary>
public enum Unit
{
    /// <summary>A code, count or ratio without unit.</summary>
    None,
    /// <summary>W.</summary>
    Watt,
    /// <summary>VA.</summary>
    VoltAmpere,
    /// <summary>var.</summary>
    VoltAmpereReactive,
    /// <summary>Wh.</summary>
    WattHour,
    /// <summary>V.</summary>
    Volt,
    /// <summary>A.</summary>
    Ampere,
    /// <summary>Hz.</summary>
    Hertz,
    /// <summary>°C.</summary>
    DegreeCelsius,
    /// <summary>s.</summary>
    Second,
    /// <summary>%.</summary>
    Percent,
}
