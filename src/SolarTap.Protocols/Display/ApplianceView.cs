namespace SolarTap.Protocols.Display;

/// <summary>The appliance itself.</summary>
/// <param name="Hostname">Host name.</param>
/// <param name="Addresses">Its IP addresses, most useful first; the first two are shown.</param>
/// <param name="Uptime">Time since the supervisor started.</param>
/// <param name="CpuTemperatureCelsius">SoC temperature, °C, when readable.</param>
/// <param name="Version">Software version.</param>
public sealed record ApplianceView(string? Hostname, IReadOnlyList<string> Addresses, TimeSpan Uptime, double? CpuTemperatureCelsius, string? Version);
