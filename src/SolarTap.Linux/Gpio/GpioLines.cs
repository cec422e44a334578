namespace SolarTap.Linux.Gpio;

/// <summary>
/// Finds a line by <see cref="GpioLineAddress"/>: by chip and offset, or by name on every chip in the device
/// folder (on a Raspberry Pi 5 the header pins are on a different chip than on a Pi 4, but keep their names).
/// </summary>
public static class GpioLines
{
    /// <summary>Where the kernel puts the GPIO chip character devices.</summary>
    public const string DefaultDeviceDirectory = "/dev";

    /// <summary>
    /// Opens the chip holding <paramref name="address"/> and returns it with the line's offset. The caller owns the chip.
    /// </summary>
    /// <param name="address">The line.</param>
    /// <param name="deviceDirectory">Where the gpiochip devices are (tests pass a folder of their own).</param>
    /// <exception cref="FileNotFoundException">The chip does not exist, there are no GPIO chips, or no chip has a line of that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The chip has no line at that offset.</exception>
    /// <exception cref="IOException">A chip could not be read.</exception>
    public static (GpioChip Chip, int Offset) Locate(GpioLineAddress address, string deviceDirectory = DefaultDeviceDirectory)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(deviceDirectory);
        if (address.Name is null)
        {
            string chip = address.Chip ?? throw new ArgumentException("A GPIO line address needs a chip and offset, or a name.", nameof(address));
            string path = chip.StartsWith('/') ? chip : Path.Combine(deviceDirectory, chip);
            GpioChip opened = GpioChip.Open(path);
            try
            {
                _ = opened.GetLineInfo(address.Offset ?? 0); // checks the offset exists
                return (opened, address.Offset ?? 0);
            }
            catch
            {
                opened.Dispose();
                throw;
            }
        }

        string[] chips = ChipPaths(deviceDirectory);
        if (chips.Length == 0)
        {
            throw new FileNotFoundException(
                $"There are no GPIO chips in {deviceDirectory} (no gpiochip* devices), so GPIO line {address.Name} cannot be found. "
                + "On a Raspberry Pi they are always there; elsewhere give the line as CHIP:OFFSET of an existing chip.");
        }

        foreach (string path in chips)
        {
            GpioChip chip = GpioChip.Open(path);
            int? offset;
            try
            {
                offset = chip.FindLine(address.Name);
            }
            catch
            {
                chip.Dispose();
                throw;
            }

            if (offset is { } found)
            {
                return (chip, found);
            }

            chip.Dispose();
        }

        throw new FileNotFoundException(
            $"No GPIO chip in {deviceDirectory} ({string.Join(", ", chips.Select(Path.GetFileName))}) has a line named {address.Name}. "
            + "Line names come from the device tree (gpioinfo lists them); give the line as CHIP:OFFSET instead.");
    }

    /// <summary>The gpiochip devices in <paramref name="deviceDirectory"/>, in number order.</summary>
    public static string[] ChipPaths(string deviceDirectory = DefaultDeviceDirectory)
    {
        if (!Directory.Exists(deviceDirectory))
        {
            return [];
        }

        return [.. Directory.GetFileSystemEntries(deviceDirectory, "gpiochip*")
            .Where(p => int.TryParse(Path.GetFileName(p).AsSpan("gpiochip".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            .OrderBy(p => int.Parse(Path.GetFileName(p).AsSpan("gpiochip".Length), System.Globalization.CultureInfo.InvariantCulture))];
    }
}
