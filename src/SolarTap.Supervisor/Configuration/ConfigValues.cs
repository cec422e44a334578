using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SolarTap.Supervisor.Configuration;

/// <summary>Parsers for the value types of the configuration; each returns false for text that is not one.</summary>
internal static partial class ConfigValues
{
    public const string DurationExpected = "a duration such as 30s, 10m, 12h, 1d or 1h30m";

    public static bool TryIPv4(string text, out IPAddress address)
    {
        // IPAddress.TryParse also takes "1" or "1.2"; insist on the dotted quad.
        if (IPv4Pattern().IsMatch(text) && IPAddress.TryParse(text, out IPAddress? parsed) && parsed.AddressFamily == AddressFamily.InterNetwork)
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    public static bool TryIPAddress(string text, out IPAddress address)
    {
        if (TryIPv4(text, out address))
        {
            return true;
        }

        // IPAddress.TryParse also takes "[v6]:port" and drops the port; brackets belong to TryEndPoint.
        if (text.Contains(':', StringComparison.Ordinal) && !text.Contains('[', StringComparison.Ordinal) && IPAddress.TryParse(text, out IPAddress? v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address = v6;
            return true;
        }

        return false;
    }

    /// <summary>"192.168.50.1/24".</summary>
    public static bool TryCidr(string text, out IPAddress address, out int prefixLength)
    {
        prefixLength = 0;
        address = IPAddress.None;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && TryIPv4(text[..slash], out address)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength);
    }

    /// <summary>"1.1.1.1", "1.1.1.1:5353", "2606:4700::1111" or "[2606:4700::1111]:53"; port 53 when none is given.</summary>
    public static bool TryEndPoint(string text, out IPEndPoint endPoint)
    {
        endPoint = new IPEndPoint(IPAddress.None, 53);
        if (TryIPAddress(text, out IPAddress plain))
        {
            endPoint = new IPEndPoint(plain, 53);
            return true;
        }

        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            return false;
        }

        string host = text[..colon];
        bool ok = host.StartsWith('[') && host.EndsWith(']')
            ? TryIPAddress(host[1..^1], out plain) && plain.AddressFamily == AddressFamily.InterNetworkV6
            : TryIPv4(host, out plain);
        if (ok)
        {
            endPoint = new IPEndPoint(plain, port);
        }

        return ok;
    }

    /// <summary>"90s", "10m", "12h", "1d", "1h30m".</summary>
    public static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        Match match = DurationPattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        long Part(string group) => match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            duration = TimeSpan.FromDays(Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>A Linux interface name: 1-15 characters, no '/', ':' or white space.</summary>
    public static bool IsInterfaceName(string text) => InterfacePattern().IsMatch(text);

    /// <summary>A DNS host name: dot-separated labels of letters, digits and '-', each at most 63, at most 253 in all.</summary>
    public static bool IsHostName(string text) => text.Length <= 253 && HostNamePattern().IsMatch(text);

    public static bool IsAbsolutePath(string text) => text.StartsWith('/') && !text.Contains('\0', StringComparison.Ordinal);

    /// <summary>Whether an IANA time zone id is known to this system.</summary>
    public static bool IsTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex IPv4Pattern();

    [GeneratedRegex(@"^(?:(?<d>\d{1,5})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[^/:\s]{1,15}$")]
    private static partial Regex InterfacePattern();

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostNamePattern();
}
