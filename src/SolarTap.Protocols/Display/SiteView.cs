namespace SolarTap.Protocols.Display;

/// <summary>The whole site now: the first page.</summary>
/// <param name="PowerWatts">AC power of all inverters now, W; null when unknown.</param>
/// <param name="EnergyTodayWattHours">Energy produced since local midnight, Wh; null when unknown.</param>
/// <param name="InvertersReporting">Inverters with a recent reading.</param>
/// <param name="InvertersKnown">Inverters seen since start.</param>
public sealed record SiteView(double? PowerWatts, double? EnergyTodayWattHours, int InvertersReporting, int InvertersKnown);
