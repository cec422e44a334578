namespace SolarTap.Devices.Leds;

/// <summary>What an LED does.</summary>
public enum LedMode
{
    /// <summary>Dark.</summary>
    Off,

    /// <summary>Steady on.</summary>
    On,

    /// <summary>Blinking with the action's on and off times.</summary>
    Blink,

    /// <summary>The kernel heartbeat (two short flashes per period).</summary>
    Heartbeat,
}
