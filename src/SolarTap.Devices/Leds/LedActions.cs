namespace SolarTap.Devices.Leds;

/// <summary>What each of the four status LEDs should do.</summary>
/// <param name="Power">Power LED.</param>
/// <param name="Link">Inverter link LED.</param>
/// <param name="Upstream">Upstream LED.</param>
/// <param name="Error">Error LED.</param>
public readonly record struct LedActions(LedAction Power, LedAction Link, LedAction Upstream, LedAction Error);
