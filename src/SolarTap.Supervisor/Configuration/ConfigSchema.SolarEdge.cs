using System.Net;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private static readonly ConfigSection<SolarEdgeOptions> SolarEdge = new(new Dictionary<string, Action<ConfigNode, SolarEdgeOptions>>
    {
        ["mode"] = (n, o) => Choice(n, new Dictionary<string, SolarEdgeMode>
        {
            ["server"] = SolarEdgeMode.Server,
            ["relay"] = SolarEdgeMode.Relay,
            ["off"] = SolarEdgeMode.Off,
        }, v => o.Mode = v),
        ["ports"] = (n, o) => List(n, "TCP port numbers such as [22222, 22221, 80]", ReadPort, v => o.Ports = v),
        ["bind_address"] = (n, o) =>
        {
            const string expected = "appliance (the address in network.address), or an IP address such as 192.168.50.1";
            if (n.TryText(expected, out string text))
            {
                if (text == "appliance")
                {
                    o.BindAddress = null;
                }
                else if (ConfigValues.TryIPAddress(text, out IPAddress address))
                {
                    o.BindAddress = address;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["time_zone"] = (n, o) =>
        {
            const string expected = "system, or an IANA time zone such as Europe/Berlin";
            if (n.TryText(expected, out string text))
            {
                if (text == "system" || ConfigValues.IsTimeZone(text))
                {
                    o.TimeZone = text;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["require_clock_sync"] = (n, o) =>
        {
            if (n.TryBoolean(out bool value))
            {
                o.RequireClockSync = value;
            }
        },
        ["relay_fallback"] = (n, o) => Choice(n, new Dictionary<string, RelayFallback>
        {
            ["local"] = RelayFallback.Local,
            ["hold"] = RelayFallback.Hold,
        }, v => o.RelayFallback = v),
        ["relay_server"] = (n, o) =>
        {
            const string expected = "a host name such as prod.solaredge.com, or an IP address";
            if (n.TryText(expected, out string text))
            {
                if (ConfigValues.IsHostName(text) || ConfigValues.TryIPAddress(text, out _))
                {
                    o.RelayServer = text;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["clock_sync_file"] = (n, o) => AbsolutePath(n, v => o.ClockSyncFile = v),
        ["keys_directory"] = (n, o) => AbsolutePath(n, v => o.KeysDirectory = v),
        ["idle_timeout"] = (n, o) => Duration(n, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), "10s to 1d", v => o.IdleTimeout = v),
    });

    private static (bool, int) ReadPort(ConfigNode node) =>
        node.TryInteger("a TCP port number from 1 to 65535", 1, 65535, out long port) ? (true, (int)port) : (false, 0);
}
