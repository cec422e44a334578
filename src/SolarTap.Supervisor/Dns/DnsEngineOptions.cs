using SolarTap.Protocols.Dns;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Dns;

/// <summary>Translates the <c>network</c> and <c>dns</c> sections into the options of the pure DNS engine.</summary>
public static class DnsEngineOptions
{
    /// <summary>
    /// The engine options: the appliance's address answers the local zones (<see cref="DnsOptions.LocalZones"/>);
    /// <c>offline: local</c> answers other names with it too, <c>offline: fail</c> refuses them.
    /// </summary>
    public static DnsServerOptions From(NetworkOptions network, DnsOptions dns, bool upstreamAvailable)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(dns);
        return new DnsServerOptions
        {
            ApplianceAddress = network.Address.ToString(),
            LocalZones = dns.LocalZones,
            OfflinePolicy = dns.Offline == Configuration.DnsOfflinePolicy.Local ? Protocols.Dns.DnsOfflinePolicy.Local : Protocols.Dns.DnsOfflinePolicy.Refuse,
            UpstreamAvailable = upstreamAvailable,
        };
    }
}
