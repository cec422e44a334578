using System.Net;

namespace SolarTap.Supervisor.Status;

public sealed partial class StatusModel
{
    /// <summary>How many asked names are kept; the oldest go first.</summary>
    public const int MaxDnsNames = 100;

    private readonly List<DnsNameStatus> _dnsNames = [];

    /// <summary>
    /// A device on the inverter port asked the DNS server <paramref name="name"/> for the first time: which names an
    /// inverter asks tells which servers it wants (link diagnostics on the web page).
    /// </summary>
    public void DnsNameAsked(IPAddress client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            if (_dnsNames.Count >= MaxDnsNames)
            {
                _dnsNames.RemoveAt(0);
            }

            _dnsNames.Add(new DnsNameStatus(client.ToString(), name, _time.GetUtcNow()));
        }

        OnChanged();
    }

    /// <summary>The names asked, oldest first (at most <see cref="MaxDnsNames"/>).</summary>
    public IReadOnlyList<DnsNameStatus> DnsNames()
    {
        lock (_lock)
        {
            return [.. _dnsNames];
        }
    }
}
