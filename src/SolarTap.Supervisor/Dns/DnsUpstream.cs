using System.Net;
using System.Net.Sockets;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Dns;

/// <summary>Where names outside the local zones are resolved (<c>dns.upstream</c>).</summary>
public static class DnsUpstream
{
    /// <summary>The system's resolver configuration.</summary>
    public const string ResolvConf = "/etc/resolv.conf";

    /// <summary>
    /// The configured resolver, or for <c>system</c> the first <c>nameserver</c> of <paramref name="resolvConf"/> that
    /// is not the appliance itself on the DNS port (that would loop); null when there is none.
    /// </summary>
    public static IPEndPoint? Resolve(DnsOptions dns, IPAddress appliance, string resolvConf = ResolvConf)
    {
        ArgumentNullException.ThrowIfNull(dns);
        ArgumentNullException.ThrowIfNull(appliance);
        if (dns.Upstream is { } configured)
        {
            return IsSelf(configured, appliance, dns.Port) ? null : configured;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(resolvConf);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        foreach (string line in lines)
        {
            string[] words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words is ["nameserver", var text, ..] && IPAddress.TryParse(text, out IPAddress? address)
                && !(address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv6LinkLocal))
            {
                var endPoint = new IPEndPoint(address, 53);
                if (!IsSelf(endPoint, appliance, dns.Port))
                {
                    return endPoint;
                }
            }
        }

        return null;
    }

    private static bool IsSelf(IPEndPoint endPoint, IPAddress appliance, int? port) =>
        endPoint.Address.Equals(appliance) && endPoint.Port == port;
}
