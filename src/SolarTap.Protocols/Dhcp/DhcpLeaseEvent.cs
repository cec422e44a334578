using System.Globalization;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// A lease event for the status model ("inverter on link: MAC, IP, hostname") and the log.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Mac">The client's MAC ('chaddr').</param>
/// <param name="Address">The address concerned; default (not IPv4) when none.</param>
/// <param name="HostName">The client's host name (option 12), sanitised; null when not sent.</param>
/// <param name="ExpiresAt">When the offer or lease ends; null when not applicable.</param>
/// <param name="Reason">Why the message was ignored, for <see cref="DhcpEventKind.Ignored"/>.</param>
public sealed record DhcpLeaseEvent(
    DhcpEventKind Kind, MacAddress Mac, InetAddress Address, string? HostName, DateTimeOffset? ExpiresAt, DhcpIgnoreReason Reason = DhcpIgnoreReason.None)
{
    /// <summary>One line for the log, e.g. <c>granted 00:27:02:1a:08:23 172.31.254.10 "SE-inverter" until 2025-…</c>.</summary>
    public override string ToString()
    {
        string text = Kind.ToString().ToLowerInvariant() + " " + Mac;
        if (Address.IsIPv4)
        {
            text += " " + Address;
        }

        if (HostName is not null)
        {
            text += " \"" + HostName + "\"";
        }

        if (ExpiresAt is DateTimeOffset until)
        {
            text += " until " + until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return Reason == DhcpIgnoreReason.None ? text : text + " (" + Reason + ")";
    }
}
