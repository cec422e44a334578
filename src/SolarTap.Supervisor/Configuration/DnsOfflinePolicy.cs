namespace SolarTap.Supervisor.Configuration;

/// <summary>How the DNS server answers names that are not local while the upstream resolver cannot be reached (<c>dns.offline</c>).</summary>
public enum DnsOfflinePolicy
{
    /// <summary><c>local</c>: answer every name with the appliance's address, so the inverter keeps talking to it.</summary>
    Local,

    /// <summary><c>fail</c>: answer REFUSED, so the lookup fails at once and nothing false is cached.</summary>
    Fail,
}
