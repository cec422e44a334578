using System.CommandLine;
using SolarTap.Cli;
using SolarTap.Protocols.Net;

namespace SolarTap.Commands;

/// <summary>The capture filter options (--port, --host, --mac-prefix) and how they become a filter.</summary>
internal sealed class CaptureOptions
{
    public Option<string[]> Ports { get; } = new("--port")
    {
        Description = "Keep only TCP segments with this port on either side (repeatable). Inverters use 22222, 22221 and 80.",
    };

    public Option<string[]> Hosts { get; } = new("--host")
    {
        Description = "Keep only segments to or from this IPv4/IPv6 address (repeatable).",
    };

    public Option<string[]> MacPrefixes { get; } = new("--mac-prefix")
    {
        Description = "Keep only frames whose source MAC starts with this prefix, e.g. 00:27:02 (repeatable). " +
            "Default: the inverter prefixes 00:27:02, 00:40:9d, 00:04:f3, which keeps the inverter-to-server direction. 'any' keeps every frame.",
    };

    public IEnumerable<Option> All => [Ports, Hosts, MacPrefixes];

    /// <summary>The filter the options describe; <paramref name="defaultMacs"/> applies when --mac-prefix is not given.</summary>
    public CaptureFilter Build(ParseResult parse, IReadOnlyList<MacPrefix> defaultMacs)
    {
        var ports = new List<ushort>();
        foreach (string text in parse.GetValue(Ports) ?? [])
        {
            if (!CaptureFilter.TryParsePort(text, out ushort port, out string? error))
            {
                throw new UserError($"--port {text}: {error}");
            }

            ports.Add(port);
        }

        var hosts = new List<InetAddress>();
        foreach (string text in parse.GetValue(Hosts) ?? [])
        {
            if (!InetAddress.TryParse(text, out InetAddress host, out string? error))
            {
                throw new UserError($"--host {text}: {error}");
            }

            hosts.Add(host);
        }

        string[] macTexts = parse.GetValue(MacPrefixes) ?? [];
        IReadOnlyList<MacPrefix> macs = defaultMacs;
        if (macTexts.Length > 0)
        {
            var parsed = new List<MacPrefix>();
            foreach (string text in macTexts)
            {
                if (string.Equals(text, "any", StringComparison.OrdinalIgnoreCase))
                {
                    parsed.Clear();
                    break;
                }

                if (!MacPrefix.TryParse(text, out MacPrefix prefix, out string? error))
                {
                    throw new UserError($"--mac-prefix {text}: {error}");
                }

                parsed.Add(prefix);
            }

            macs = parsed;
        }

        return new CaptureFilter { Ports = ports, Hosts = hosts, SourceMacPrefixes = macs };
    }
}
