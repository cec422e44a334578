namespace SolarTap.Devices.Gpio;

/// <summary>
/// A push button, such as the OLED page button on a GPIO line (the Linux implementation requests it through the
/// GPIO v2 uAPI with the kernel's debounce). Presses are edges queued by the kernel, so none is lost between waits.
/// </summary>
public interface IButton
{
    /// <summary>Name, for logs and messages.</summary>
    string Name { get; }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/>: for ever) for a press;
    /// returns true when one happened (several queued presses count as one), false when the time ran out.
    /// </summary>
    /// <exception cref="IOException">The line can no longer be read.</exception>
    bool WaitForPress(TimeSpan timeout);
}
