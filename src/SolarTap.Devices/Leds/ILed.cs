namespace SolarTap.Devices.Leds;

/// <summary>
/// One LED, with the operations of the kernel LED class (Documentation/leds/leds-class.rst): a brightness and a
/// trigger that drives it without us (heartbeat, timer). Implemented over sysfs (<see cref="SysfsLed"/>) and, for
/// a plain GPIO line, in software (<see cref="TimerBlinker"/>).
/// </summary>
public interface ILed
{
    /// <summary>Name, for logs.</summary>
    string Name { get; }

    /// <summary>The brightness that means fully on.</summary>
    int MaxBrightness { get; }

    /// <summary>Sets a steady brightness; 0 turns the LED off and, as in the kernel, also removes any trigger.</summary>
    void SetBrightness(int brightness);

    /// <summary>Hands the LED to a kernel trigger by name (see <see cref="LedTriggers"/>).</summary>
    /// <exception cref="NotSupportedException">The implementation has no such trigger.</exception>
    void SetTrigger(string trigger);

    /// <summary>Blinks: lit for <paramref name="onTime"/>, dark for <paramref name="offTime"/>, repeatedly (the "timer" trigger).</summary>
    void SetTimerTrigger(TimeSpan onTime, TimeSpan offTime);
}
