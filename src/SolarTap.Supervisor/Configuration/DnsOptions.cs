using System.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>The DNS server on the inverter-facing network (YAML section <c>dns</c>).</summary>
public sealed class DnsOptions
{
    /// <summary>
    /// Names answered with the appliance's address (<c>local_names</c>). <c>*.example.com</c> means every name under
    /// example.com; a name without <c>*.</c> means that name only. Default <c>*.solaredge.com</c>.
    /// </summary>
    public IReadOnlyList<string> LocalNames { get; set; } = ["*.solaredge.com"];

    /// <summary>Resolver for every other name (<c>upstream</c>); null means the system's resolvers. Default null.</summary>
    public IPEndPoint? Upstream { get; set; }

    /// <summary>What to answer for other names while the upstream cannot be reached (<c>offline</c>). Default <see cref="DnsOfflinePolicy.Local"/>.</summary>
    public DnsOfflinePolicy Offline { get; set; } = DnsOfflinePolicy.Local;

    /// <summary>Whether <paramref name="name"/> is one of <see cref="LocalNames"/> (case-insensitive, trailing dot ignored).</summary>
    public bool IsLocal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string n = name.TrimEnd('.');
        foreach (string pattern in LocalNames)
        {
            bool matches = pattern.StartsWith("*.", StringComparison.Ordinal)
                ? n.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && n.Length > pattern.Length - 1
                : n.Equals(pattern, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return true;
            }
        }

        return false;
    }
}
