namespace SolarTap.Devices.Leds;

/// <summary>What one LED should do; applied with <see cref="ApplyTo"/>.</summary>
/// <param name="Mode">Off, on, blink or heartbeat.</param>
/// <param name="OnTime">For <see cref="LedMode.Blink"/>: time lit per cycle.</param>
/// <param name="OffTime">For <see cref="LedMode.Blink"/>: time dark per cycle.</param>
public readonly record struct LedAction(LedMode Mode, TimeSpan OnTime = default, TimeSpan OffTime = default)
{
    /// <summary>Dark.</summary>
    public static LedAction Off => new(LedMode.Off);

    /// <summary>Steady on.</summary>
    public static LedAction On => new(LedMode.On);

    /// <summary>The kernel heartbeat.</summary>
    public static LedAction Heartbeat => new(LedMode.Heartbeat);

    /// <summary>Blinking, <paramref name="onMilliseconds"/> lit then <paramref name="offMilliseconds"/> dark.</summary>
    public static LedAction Blink(int onMilliseconds, int offMilliseconds) =>
        new(LedMode.Blink, TimeSpan.FromMilliseconds(onMilliseconds), TimeSpan.FromMilliseconds(offMilliseconds));

    /// <summary>
    /// Makes <paramref name="led"/> do this: off = trigger "none" then brightness 0; on = trigger "none" then
    /// full brightness; blink = the timer trigger; heartbeat = the heartbeat trigger.
    /// </summary>
    public void ApplyTo(ILed led)
    {
        ArgumentNullException.ThrowIfNull(led);
        switch (Mode)
        {
            case LedMode.On:
                led.SetTrigger(LedTriggers.None);
                led.SetBrightness(led.MaxBrightness);
                break;
            case LedMode.Blink:
                led.SetTimerTrigger(OnTime, OffTime);
                break;
            case LedMode.Heartbeat:
                led.SetTrigger(LedTriggers.Heartbeat);
                break;
            default:
                led.SetTrigger(LedTriggers.None);
                led.SetBrightness(0);
                break;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Mode == LedMode.Blink
        ? $"blink {OnTime.TotalMilliseconds:0}/{OffTime.TotalMilliseconds:0} ms"
        : Mode.ToString().ToLowerInvariant();
}
