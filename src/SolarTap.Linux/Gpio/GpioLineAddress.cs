using System.Globalization;

namespace SolarTap.Linux.Gpio;

/// <summary>
/// Where a GPIO line is: a chip and an offset (<c>gpiochip0:17</c>), or a line name from the board's pinout
/// (<c>GPIO17</c>, which the Raspberry Pi device tree gives every header pin), looked up on every chip.
/// </summary>
/// <param name="Chip">The chip's device name (<c>gpiochip0</c>) or path; null when looked up by name.</param>
/// <param name="Offset">The line's offset on <paramref name="Chip"/>; null when looked up by name.</param>
/// <param name="Name">The line name; null when given by chip and offset.</param>
public sealed record GpioLineAddress(string? Chip, int? Offset, string? Name)
{
    /// <summary>The line at <paramref name="offset"/> of <paramref name="chip"/>.</summary>
    public static GpioLineAddress At(string chip, int offset) => new(chip, offset, null);

    /// <summary>The line called <paramref name="name"/>, on whichever chip has it.</summary>
    public static GpioLineAddress Named(string name) => new(null, null, name);

    /// <summary>
    /// Reads <c>CHIP:OFFSET</c> (<c>gpiochip0:17</c>, <c>/dev/gpiochip4:17</c>) or a line name (<c>GPIO17</c>;
    /// letters, digits, '_', '-' and '.', up to 31 characters as GPIO_MAX_NAME_SIZE allows).
    /// </summary>
    public static bool TryParse(string? text, out GpioLineAddress address)
    {
        address = new GpioLineAddress(null, null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int colon = text.LastIndexOf(':');
        if (colon > 0)
        {
            string chip = text[..colon];
            bool chipOk = chip.StartsWith('/') ? chip.Length > 1 : chip.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
            if (chipOk && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int offset) && offset < 4096)
            {
                address = At(chip, offset);
                return true;
            }

            return false;
        }

        if (text.Length <= 31 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            address = Named(text);
            return true;
        }

        return false;
    }

    /// <summary>The form <see cref="TryParse"/> reads.</summary>
    public override string ToString() => Name ?? $"{Chip}:{Offset?.ToString(CultureInfo.InvariantCulture)}";
}
