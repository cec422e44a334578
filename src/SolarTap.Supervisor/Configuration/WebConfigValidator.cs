using System.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>Checks of the <c>web</c> section that need other sections: the port against the SolarEdge server's, serials once.</summary>
internal static class WebConfigValidator
{
    public static void Validate(SupervisorOptions options, ConfigErrors errors)
    {
        WebOptions web = options.Web;
        SolarEdgeOptions solarEdge = options.SolarEdge;
        if (web.Enabled && web.Port is int port and > 0 && !errors.Failed("web.port") && !errors.Failed("web.address")
            && !errors.Failed("solaredge") && solarEdge.Mode != SolarEdgeMode.Off && solarEdge.Ports.Contains(port)
            && Overlaps(web.Address, solarEdge.BindAddress ?? options.Network.Address))
        {
            errors.Add(errors.LineOf("web.port"), "web.port",
                $"expected a port the SolarEdge server does not listen on (solaredge.ports: {string.Join(", ", solarEdge.Ports)}), found {port}");
        }

        if (errors.Failed("web.layout"))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < web.Layout.Count; i++)
        {
            foreach (string serial in web.Layout[i].Optimizers.Where(s => !seen.Add(s)))
            {
                string key = $"web.layout[{i}].optimizers";
                errors.Add(errors.LineOf(key), key, $"expected each optimizer once in the layout, found {serial} again");
            }
        }
    }

    private static bool Overlaps(IPAddress a, IPAddress b) =>
        a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any) || b.Equals(IPAddress.Any) || a.Equals(b);
}
