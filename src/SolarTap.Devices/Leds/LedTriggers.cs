namespace SolarTap.Devices.Leds;

/// <summary>Kernel LED trigger names used here (drivers/leds/trigger/).</summary>
public static class LedTriggers
{
    /// <summary>No trigger: brightness is ours to set. Removing a trigger turns the LED off.</summary>
    public const string None = "none";

    /// <summary>Two short flashes per period; the period follows the load average (ledtrig-heartbeat).</summary>
    public const string Heartbeat = "heartbeat";

    /// <summary>Blinks with the times in delay_on and delay_off, in milliseconds (ledtrig-timer).</summary>
    public const string Timer = "timer";

    /// <summary>Steady on (ledtrig-default-on).</summary>
    public const string DefaultOn = "default-on";
}
