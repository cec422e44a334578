using System.Globalization;
using System.Text.RegularExpressions;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private static readonly ConfigSection<Rs485Options> Rs485 = new(new Dictionary<string, Action<ConfigNode, Rs485Options>>
    {
        ["port"] = (n, o) => AbsolutePath(n, v => o.Port = v),
        ["baud"] = (n, o) =>
        {
            string expected = "a standard baud rate such as 9600, 19200, 57600 or 115200";
            if (n.TryInteger(expected, 50, 4_000_000, out long baud))
            {
                if (Devices.Serial.SerialSettings.StandardBaudRates.Contains((int)baud))
                {
                    o.Baud = (int)baud;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["mode"] = (n, o) => Choice(n, new Dictionary<string, Rs485Mode>
        {
            ["master"] = Rs485Mode.Master,
            ["sniff"] = Rs485Mode.Sniff,
        }, v => o.Mode = v),
        ["slaves"] = (n, o) => List(n, "inverter IDs in hexadecimal such as [7F104920, 7F104A16]", ReadInverterId, v => o.Slaves = v),
        ["poll_interval"] = (n, o) => Duration(n, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), "1s to 1h", v => o.PollInterval = v),
        ["response_timeout"] = (n, o) => Duration(n, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), "1s to 30s", v => o.ResponseTimeout = v),
        ["grant_timeout"] = (n, o) => Duration(n, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), "1s to 5m", v => o.GrantTimeout = v),
        ["retries"] = (n, o) =>
        {
            if (n.TryInteger("a number of retries from 0 to 10", 0, 10, out long value))
            {
                o.Retries = (int)value;
            }
        },
        ["offline_after"] = (n, o) =>
        {
            if (n.TryInteger("a number of missed polls from 1 to 100", 1, 100, out long value))
            {
                o.OfflineAfter = (int)value;
            }
        },
        ["backoff_max"] = (n, o) => Duration(n, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), "10s to 1d", v => o.BackoffMax = v),
        ["de_gpio"] = (n, o) =>
        {
            const string expected = "none, or a GPIO chip and line such as gpiochip0:17";
            if (n.TryText(expected, out string text))
            {
                Match match = GpioLinePattern().Match(text);
                if (text == "none")
                {
                    o.DriverEnableGpio = null;
                }
                else if (match.Success && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int line) && line < 1024)
                {
                    o.DriverEnableGpio = new GpioLine(match.Groups[1].Value, line);
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
    });

    private static (bool, uint) ReadInverterId(ConfigNode node) =>
        Scalar(node, "an inverter ID in hexadecimal such as 7F104920", static (string text, out uint id) =>
            uint.TryParse(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text,
                NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id) && id != 0 && text.Length <= 10, 0u);

    [GeneratedRegex(@"^(gpiochip\d{1,3}):(\d{1,4})$")]
    private static partial Regex GpioLinePattern();
}
