using System.Globalization;
using SolarTap.Devices.Serial;
using YamlDotNet.RepresentationModel;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private const string PollIntervalRange = "1s to 1d";

    private static readonly ConfigSection<SunSpecOptions> SunSpec = new(new Dictionary<string, Action<ConfigNode, SunSpecOptions>>
    {
        ["devices"] = (n, o) => List(n, "devices (host: or serial:, with units:)", ReadSunSpecDevice, v => o.Devices = v),
        ["poll_interval"] = (n, o) => Duration(n, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), PollIntervalRange, v => o.PollInterval = v),
        ["timeout"] = (n, o) => Duration(n, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), "1s to 1m", v => o.Timeout = v),
    });

    private static readonly ConfigSection<SunSpecDeviceOptions> SunSpecDevice = new(new Dictionary<string, Action<ConfigNode, SunSpecDeviceOptions>>
    {
        ["host"] = (n, d) =>
        {
            const string expected = "a host name or address, optionally with a port, such as 192.168.50.20 or 192.168.50.20:1502";
            if (n.TryText(expected, out string text))
            {
                if (TryHostAndPort(text, out string host, out int? port))
                {
                    d.Host = host;
                    d.Port = port ?? d.Port;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["serial"] = (n, d) => AbsolutePath(n, v => d.SerialPort = v),
        ["baud"] = (n, d) =>
        {
            const string expected = "a standard baud rate such as 9600, 19200 or 115200";
            if (n.TryText(expected, out string text))
            {
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int baud) && SerialSettings.StandardBaudRates.Contains(baud))
                {
                    d.BaudRate = baud;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["parity"] = (n, d) => Choice(n, new Dictionary<string, SerialParity>
        {
            ["even"] = SerialParity.Even,
            ["none"] = SerialParity.None,
            ["odd"] = SerialParity.Odd,
        }, v => d.Parity = v),
        ["stop_bits"] = (n, d) =>
        {
            if (n.TryInteger("1 or 2", 1, 2, out long bits))
            {
                d.StopBits = (int)bits;
            }
        },
        ["units"] = (n, d) =>
        {
            const string item = "a unit id from 1 to 247";
            if (n.Node is YamlScalarNode && !n.IsEmpty)
            {
                // units: 1 is one unit.
                if (n.TryInteger(item, 1, 247, out long single))
                {
                    d.Units = [(byte)single];
                }

                return;
            }

            List(n, "unit ids from 1 to 247, such as [1, 2, 3]",
                u => u.TryInteger(item, 1, 247, out long id) ? (true, (byte)id) : (false, (byte)0),
                v => d.Units = v.Distinct().ToList());
        },
        ["poll_interval"] = (n, d) => Duration(n, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), PollIntervalRange, v => d.PollInterval = v),
        ["timeout"] = (n, d) => Duration(n, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), "1s to 1m", v => d.Timeout = v),
    });

    private static (bool, SunSpecDeviceOptions) ReadSunSpecDevice(ConfigNode node)
    {
        var device = new SunSpecDeviceOptions();
        if (node.Node is not YamlMappingNode)
        {
            node.Fail("a device: a mapping with host: or serial:, and units:");
            return (false, device);
        }

        node.Errors.Seen(node.Key, node.Line);
        int before = node.Errors.All.Count;
        SunSpecDevice.Read(node, device);
        if (node.Errors.All.Count != before)
        {
            return (false, device);
        }

        if ((device.Host is null) == (device.SerialPort is null))
        {
            node.Errors.Add(node.Line, node.Key, "expected a device with either host: (Modbus TCP) or serial: (Modbus RTU), found "
                + (device.Host is null ? "neither" : "both"));
            return (false, device);
        }

        if (device.Units.Count == 0)
        {
            node.Errors.Add(node.Line, node.Key, "expected at least one unit id in units:");
            return (false, device);
        }

        return (true, device);
    }

    /// <summary>"inverter.local", "192.168.50.20:1502", "fe80::1" or "[fe80::1]:1502".</summary>
    private static bool TryHostAndPort(string text, out string host, out int? port)
    {
        host = text;
        port = null;
        if (ConfigValues.IsHostName(text) || ConfigValues.TryIPAddress(text, out _))
        {
            return true;
        }

        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value is < 1 or > 65535)
        {
            return false;
        }

        string name = text[..colon];
        if (name.StartsWith('[') && name.EndsWith(']'))
        {
            name = name[1..^1];
            if (!ConfigValues.TryIPAddress(name, out _))
            {
                return false;
            }
        }
        else if (!ConfigValues.IsHostName(name) && !ConfigValues.TryIPv4(name, out _))
        {
            return false;
        }

        host = name;
        port = value;
        return true;
    }
}
