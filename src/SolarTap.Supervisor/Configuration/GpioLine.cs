namespace SolarTap.Supervisor.Configuration;

/// <summary>One GPIO line: a chip (such as gpiochip0) and a line offset on it.</summary>
/// <param name="Chip">The chip's name under /dev, such as <c>gpiochip0</c>.</param>
/// <param name="Line">The line offset on that chip (the BCM number on a Raspberry Pi's gpiochip0).</param>
public sealed record GpioLine(string Chip, int Line)
{
    /// <summary>The chip's device path.</summary>
    public string ChipPath => "/dev/" + Chip;

    /// <summary>"gpiochip0:17".</summary>
    public override string ToString() => $"{Chip}:{Line}";
}
