namespace SolarTap.Supervisor.Web;

/// <summary>A device's newest reading, as the web page shows it.</summary>
/// <param name="Kind">inverter, optimizer, meter, battery, ... (as in docs/readings.md).</param>
/// <param name="Serial">The device's serial.</param>
/// <param name="Parent">The inverter an optimizer reports through, or null.</param>
/// <param name="Time">The reading's own timestamp.</param>
/// <param name="Values">Values keyed like the JSON output (<c>AcPower</c>, <c>AcVoltage.L1</c>), in the units of docs/readings.md; null when not a number.</param>
public sealed record SiteDevice(string Kind, string Serial, string? Parent, DateTimeOffset Time, IReadOnlyDictionary<string, double?> Values);
