using System.Net;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private static readonly ConfigSection<DnsOptions> Dns = new(new Dictionary<string, Action<ConfigNode, DnsOptions>>
    {
        ["local_names"] = (n, o) => List(n, "DNS names such as *.solaredge.com",
            item => Scalar(item, "a DNS name such as solaredge.com or *.solaredge.com (that name and every name under it)", IsLocalName, ""),
            v => o.LocalNames = v),
        ["upstream"] = (n, o) =>
        {
            const string expected = "system, or a resolver's IP address with an optional port, such as 1.1.1.1 or 192.168.1.1:53";
            if (n.TryText(expected, out string text))
            {
                if (text == "system")
                {
                    o.Upstream = null;
                }
                else if (ConfigValues.TryEndPoint(text, out IPEndPoint endPoint))
                {
                    o.Upstream = endPoint;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["port"] = (n, o) => PortOrOff(n, "UDP and TCP", v => o.Port = v),
        ["offline"] = (n, o) => Choice(n, new Dictionary<string, DnsOfflinePolicy>
        {
            ["local"] = DnsOfflinePolicy.Local,
            ["fail"] = DnsOfflinePolicy.Fail,
        }, v => o.Offline = v),
    });

    private static bool IsLocalName(string text, out string value)
    {
        value = text.TrimEnd('.').ToLowerInvariant();
        string name = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        return ConfigValues.IsHostName(name);
    }
}
