using System.Globalization;
using System.Text;

namespace SolarTap.Devices.Leds;

/// <summary>
/// An LED of the kernel LED class, driven through its sysfs folder (a gpio-leds device-tree node creates one per
/// LED; on the image, the solartap-leds overlay): writes <c>brightness</c>, <c>trigger</c> and, with the timer trigger, <c>delay_on</c> and
/// <c>delay_off</c> in milliseconds, each as one ASCII write. The kernel then blinks the LED itself, so blinking
/// costs no CPU. The class folder comes from configuration; tests point it at a fake tree.
/// </summary>
public sealed class SysfsLed : ILed
{
    private readonly string _directory;
    private int? _maxBrightness;

    /// <summary>The LED <paramref name="name"/> under the LED class folder <paramref name="classDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty or not a single path component.</exception>
    public SysfsLed(string classDirectory, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(classDirectory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new ArgumentException($"An LED name is one folder name, not \"{name}\".", nameof(name));
        }

        Name = name;
        _directory = Path.Combine(classDirectory, name);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The LED's folder.</summary>
    public string Directory => _directory;

    /// <summary>Whether the LED's folder exists.</summary>
    public bool Exists => System.IO.Directory.Exists(_directory);

    /// <inheritdoc/>
    /// <exception cref="IOException"><c>max_brightness</c> cannot be read or is not a number.</exception>
    public int MaxBrightness => _maxBrightness ??= ReadMaxBrightness();

    /// <inheritdoc/>
    public void SetBrightness(int brightness)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(brightness);
        Write("brightness", brightness.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public void SetTrigger(string trigger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        Write("trigger", trigger);
    }

    /// <inheritdoc/>
    public void SetTimerTrigger(TimeSpan onTime, TimeSpan offTime)
    {
        long onMs = Milliseconds(onTime, nameof(onTime));
        long offMs = Milliseconds(offTime, nameof(offTime));
        // Selecting the timer trigger creates delay_on/delay_off (defaults 500 ms each); then set ours.
        Write("trigger", LedTriggers.Timer);
        Write("delay_on", onMs.ToString(CultureInfo.InvariantCulture));
        Write("delay_off", offMs.ToString(CultureInfo.InvariantCulture));
    }

    private static long Milliseconds(TimeSpan time, string name)
    {
        long ms = (long)Math.Round(time.TotalMilliseconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(ms, 1, name);
        return ms;
    }

    private int ReadMaxBrightness()
    {
        string text = File.ReadAllText(Path.Combine(_directory, "max_brightness")).Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new IOException($"{_directory}/max_brightness holds \"{text}\", not a positive number.");
    }

    /// <summary>
    /// One write(2) of the value and a newline. The attribute must exist (sysfs files cannot be created), so the
    /// file is opened without O_CREAT; O_TRUNC is harmless on sysfs and keeps a fake tree's file exact.
    /// </summary>
    private void Write(string attribute, string value)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(value + "\n");
        using var stream = new FileStream(Path.Combine(_directory, attribute), FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        stream.Write(bytes);
    }
}
