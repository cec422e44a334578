using SolarTap.Protocols.Net;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private static readonly ConfigSection<CaptureOptions> Capture = new(new Dictionary<string, Action<ConfigNode, CaptureOptions>>
    {
        ["interface"] = (n, o) =>
        {
            if (Scalar(n, $"none or {InterfaceExpected}", IsInterface, "") is (true, var name))
            {
                o.Interface = name is "none" or "off" ? null : name;
            }
        },
        ["ports"] = (n, o) =>
        {
            string expected = $"TCP port numbers such as [22222, 22221, 80], at least one and at most {BpfFilters.MaxPorts}";
            List(n, expected, ReadPort, ports =>
            {
                List<int> distinct = [.. ports.Distinct()];
                if (distinct.Count is 0 || distinct.Count > BpfFilters.MaxPorts)
                {
                    n.Fail(expected);
                    return;
                }

                o.Ports = distinct;
            });
        },
    });
}
