using SolarTap.Linux.Gpio;

namespace SolarTap.Supervisor.Configuration;

/// <summary>What drives one status LED: a kernel LED by name, a GPIO line blinked by the supervisor, or nothing.</summary>
/// <param name="ClassName">The LED's folder under the LED class directory (the label in the device tree's gpio-leds node), or null.</param>
/// <param name="Line">The GPIO line, when the LED is on a plain line rather than a kernel LED, or null.</param>
public sealed record LedBinding(string? ClassName, GpioLineAddress? Line)
{
    /// <summary>No LED.</summary>
    public static LedBinding None { get; } = new(null, null);

    /// <summary>Whether an LED is configured.</summary>
    public bool IsNone => ClassName is null && Line is null;

    /// <summary>The kernel LED <paramref name="name"/>.</summary>
    public static LedBinding Kernel(string name) => new(name, null);

    /// <summary>A GPIO line.</summary>
    public static LedBinding Gpio(GpioLineAddress line) => new(null, line);

    /// <summary>As written in the configuration: the LED name, <c>gpio:LINE</c> or <c>none</c>.</summary>
    public override string ToString() => ClassName ?? (Line is { } line ? $"gpio:{line}" : "none");
}
