using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dns;

/// <summary>
/// Configuration of <see cref="DnsServerEngine"/> (YAML section <c>dns</c>). Addresses and names are text so they
/// bind from configuration; <see cref="Validate"/> says in plain words what is wrong.
/// </summary>
public sealed record DnsServerOptions
{
    /// <summary>The appliance's IPv4 address on the inverter link; the answer for every local name (required).</summary>
    public string ApplianceAddress { get; init; } = "";

    /// <summary>The appliance's IPv6 address, if the link has one; without it AAAA queries for local names get NODATA.</summary>
    public string? ApplianceIPv6Address { get; init; }

    /// <summary>The appliance's own name: the PTR answer for its address and the SOA primary (default <c>solartap</c>).</summary>
    public string HostName { get; init; } = "solartap";

    /// <summary>Zones answered with the appliance's address: each name and everything under it (default <c>solaredge.com</c>).</summary>
    public IReadOnlyList<string> LocalZones { get; init; } = ["solaredge.com"];

    /// <summary>Names whose lookup means TLS firmware (spec §5.1 item 2; default <c>prodssl.solaredge.com</c>).</summary>
    public IReadOnlyList<string> TlsNames { get; init; } = ["prodssl.solaredge.com"];

    /// <summary>TTL of local answers, and the negative-caching TTL of their SOA (RFC 2308 §5), in seconds (default 60).</summary>
    public int TtlSeconds { get; init; } = 60;

    /// <summary>TTL of answers made up by <see cref="DnsOfflinePolicy.Local"/>, in seconds (default 10).</summary>
    public int OfflineTtlSeconds { get; init; } = 10;

    /// <summary>Whether an upstream resolver is available at start; the service updates <see cref="DnsServerEngine.UpstreamAvailable"/>.</summary>
    public bool UpstreamAvailable { get; init; }

    /// <summary>How other names are answered while there is no upstream (default <see cref="DnsOfflinePolicy.Refuse"/>).</summary>
    public DnsOfflinePolicy OfflinePolicy { get; init; } = DnsOfflinePolicy.Refuse;

    /// <summary>The EDNS UDP payload size the server offers and accepts at most (default 1232, the 2020 DNS flag day value).</summary>
    public int MaxUdpPayloadSize { get; init; } = 1232;

    /// <summary>How many (client, name) pairs are remembered for "first asked" events (default 4096; the oldest is forgotten).</summary>
    public int MaxRememberedNames { get; init; } = 4096;

    /// <summary>Problems in plain words, one per entry; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!InetAddress.TryParse(ApplianceAddress, out InetAddress v4, out string? error))
        {
            problems.Add($"dns.applianceAddress: {error}");
        }
        else if (!v4.IsIPv4)
        {
            problems.Add($"dns.applianceAddress: '{ApplianceAddress}' is IPv6; give the IPv4 address here and the IPv6 one in applianceIPv6Address.");
        }

        if (ApplianceIPv6Address is not null)
        {
            if (!InetAddress.TryParse(ApplianceIPv6Address, out InetAddress v6, out error))
            {
                problems.Add($"dns.applianceIPv6Address: {error}");
            }
            else if (v6.IsIPv4)
            {
                problems.Add($"dns.applianceIPv6Address: '{ApplianceIPv6Address}' is IPv4; give an IPv6 address or leave it out.");
            }
        }

        if (!DnsName.TryParse(HostName, out DnsName host) || host.IsRoot)
        {
            problems.Add($"dns.hostName: '{HostName}' is not a domain name.");
        }

        CheckNames(LocalZones, "dns.localZones", problems);
        CheckNames(TlsNames, "dns.tlsNames", problems);
        if (TtlSeconds < 0)
        {
            problems.Add($"dns.ttlSeconds: {TtlSeconds} is negative; use 0 or more (60 is usual).");
        }

        if (OfflineTtlSeconds < 0)
        {
            problems.Add($"dns.offlineTtlSeconds: {OfflineTtlSeconds} is negative; use 0 or more (10 is usual).");
        }

        if (!Enum.IsDefined(OfflinePolicy))
        {
            problems.Add($"dns.offlinePolicy: '{OfflinePolicy}' is not one of refuse, nxdomain, local.");
        }

        if (MaxUdpPayloadSize is < DnsMessage.ClassicUdpSize or > 4096)
        {
            problems.Add($"dns.maxUdpPayloadSize: {MaxUdpPayloadSize} is outside 512..4096 (1232 avoids IP fragmentation).");
        }

        if (MaxRememberedNames < 1)
        {
            problems.Add($"dns.maxRememberedNames: {MaxRememberedNames} must be at least 1.");
        }

        return problems;
    }

    private static void CheckNames(IReadOnlyList<string>? names, string key, List<string> problems)
    {
        if (names is null)
        {
            problems.Add($"{key}: missing; give a list of names (it may be empty).");
            return;
        }

        foreach (string name in names)
        {
            if (!DnsName.TryParse(name, out DnsName parsed) || parsed.IsRoot)
            {
                problems.Add($"{key}: '{name}' is not a domain name (labels of 1-63 letters, digits or hyphens, 255 octets in all).");
            }
        }
    }
}
