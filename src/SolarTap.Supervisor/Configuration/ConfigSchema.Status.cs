using System.Globalization;
using SolarTap.Linux.Gpio;
using SolarTap.Protocols.Display;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private const string LedExpected = "none, a kernel LED name such as solartap-link (a folder of leds.class_directory), or gpio:LINE with LINE a line name such as GPIO27 or CHIP:OFFSET such as gpiochip0:27";
    private const string LineExpected = "none, a GPIO line name such as GPIO26, or CHIP:OFFSET such as gpiochip0:26";

    private static readonly ConfigSection<LedsOptions> Leds = new(new Dictionary<string, Action<ConfigNode, LedsOptions>>
    {
        ["class_directory"] = (n, o) => AbsolutePath(n, v => o.ClassDirectory = v),
        ["power"] = (n, o) => Led(n, v => o.Power = v),
        ["link"] = (n, o) => Led(n, v => o.Link = v),
        ["upstream"] = (n, o) => Led(n, v => o.Upstream = v),
        ["error"] = (n, o) => Led(n, v => o.Error = v),
        ["active_low"] = (n, o) =>
        {
            if (n.TryBoolean(out bool value))
            {
                o.ActiveLow = value;
            }
        },
    });

    private static readonly ConfigSection<OledOptions> Oled = new(new Dictionary<string, Action<ConfigNode, OledOptions>>
    {
        ["bus"] = (n, o) => Text(n, "none, or an I2C bus device such as /dev/i2c-1", v => v == "none" || ConfigValues.IsAbsolutePath(v), v => o.Bus = v == "none" ? null : v),
        ["address"] = (n, o) =>
        {
            if (Scalar(n, "a 7-bit I2C address from 0x08 to 0x77, such as 0x3C", TryI2cAddress, 0) is (true, var address))
            {
                o.Address = address;
            }
        },
        ["controller"] = (n, o) => Choice(n, new Dictionary<string, OledController>
        {
            ["ssd1306"] = OledController.Ssd1306,
            ["sh1106"] = OledController.Sh1106,
        }, v => o.Controller = v),
        ["rotate"] = (n, o) =>
        {
            if (n.TryBoolean(out bool value))
            {
                o.Rotate180 = value;
            }
        },
        ["button"] = (n, o) =>
        {
            if (Scalar<GpioLineAddress?>(n, LineExpected, TryLineOrNone, null) is (true, var line))
            {
                o.Button = line;
            }
        },
        ["page_interval"] = (n, o) => Duration(n, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), "1s to 1h", v => o.PageInterval = v),
        ["blank_after"] = (n, o) =>
        {
            if (n.Node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "never" })
            {
                o.BlankAfter = null;
                return;
            }

            Duration(n, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), "10s to 1d, or never", v => o.BlankAfter = v);
        },
        ["night"] = (n, o) =>
        {
            if (Scalar(n, "off, or local times HH:MM-HH:MM such as 22:00-06:30", TryNight, default((TimeOnly?, TimeOnly?))) is (true, var night))
            {
                (o.NightStart, o.NightEnd) = night;
            }
        },
        ["png"] = (n, o) => AbsolutePath(n, v => o.PngFile = v),
    });

    private static void Led(ConfigNode node, Action<LedBinding> apply)
    {
        if (Scalar(node, LedExpected, TryLed, LedBinding.None) is (true, var led))
        {
            apply(led);
        }
    }

    private static bool TryLed(string text, out LedBinding led)
    {
        led = LedBinding.None;
        if (text == "none")
        {
            return true;
        }

        if (text.StartsWith("gpio:", StringComparison.Ordinal))
        {
            bool ok = GpioLineAddress.TryParse(text["gpio:".Length..], out GpioLineAddress line);
            led = ok ? LedBinding.Gpio(line) : LedBinding.None;
            return ok;
        }

        // A folder name under /sys/class/leds: kernel LED names may hold ':' ("led0", "ACT", "solartap:green:link").
        if (text.Length is > 0 and <= 64 && text is not ("." or "..") && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.'))
        {
            led = LedBinding.Kernel(text);
            return true;
        }

        return false;
    }

    private static bool TryLineOrNone(string text, out GpioLineAddress? line)
    {
        line = null;
        if (text == "none")
        {
            return true;
        }

        bool ok = GpioLineAddress.TryParse(text, out GpioLineAddress parsed);
        line = ok ? parsed : null;
        return ok;
    }

    private static bool TryI2cAddress(string text, out int address)
    {
        address = 0;
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
        return ok && address is >= 0x08 and <= 0x77;
    }

    private static bool TryNight(string text, out (TimeOnly?, TimeOnly?) night)
    {
        night = (null, null);
        if (text == "off")
        {
            return true;
        }

        string[] parts = text.Split('-');
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly start)
            && TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly end)
            && start != end)
        {
            night = (start, end);
            return true;
        }

        return false;
    }
}
