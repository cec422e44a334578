using System.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>The DNS server on the inverter-facing network (YAML section <c>dns</c>).</summary>
public sealed class DnsOptions
{
    /// <summary>
    /// Zones answered with the appliance's address (<c>local_names</c>): each entry means that name and every name
    /// under it; a leading <c>*.</c> is allowed and means the same (<c>*.solaredge.com</c> = <c>solaredge.com</c>).
    /// Default <c>*.solaredge.com</c>.
    /// </summary>
    public IReadOnlyList<string> LocalNames { get; set; } = ["*.solaredge.com"];

    /// <summary>Resolver for every other name (<c>upstream</c>); null means the system's resolvers. Default null.</summary>
    public IPEndPoint? Upstream { get; set; }

    /// <summary>UDP and TCP port the DNS server listens on (<c>port</c>); null when the DNS server is off. Default 53.</summary>
    public int? Port { get; set; } = 53;

    /// <summary>What to answer for other names while the upstream cannot be reached (<c>offline</c>). Default <see cref="DnsOfflinePolicy.Local"/>.</summary>
    public DnsOfflinePolicy Offline { get; set; } = DnsOfflinePolicy.Local;

    /// <summary>The zones of <see cref="LocalNames"/>, without a leading <c>*.</c> or trailing dot, in lower case, each once.</summary>
    public IReadOnlyList<string> LocalZones =>
        [.. LocalNames.Select(ZoneOf).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="name"/> is in one of the <see cref="LocalZones"/> (case-insensitive, trailing dot ignored).</summary>
    public bool IsLocal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string n = name.TrimEnd('.');
        foreach (string zone in LocalZones)
        {
            if (n.Equals(zone, StringComparison.OrdinalIgnoreCase)
                || (n.Length > zone.Length && n.EndsWith(zone, StringComparison.OrdinalIgnoreCase) && n[n.Length - zone.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static string ZoneOf(string pattern)
    {
        string zone = pattern.TrimEnd('.').ToLowerInvariant();
        return zone.StartsWith("*.", StringComparison.Ordinal) ? zone[2..] : zone;
    }
}
