using Microsoft.Extensions.Logging;
using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Supervisor.Dhcp;

internal sealed partial class DhcpService
{
    private const int MaxRememberedRefusals = 1024;

    /// <summary>Lease events go to the status model and the log; a MAC that is not allowed is logged once.</summary>
    private void OnEvent(DhcpLeaseEvent evt)
    {
        switch (evt.Kind)
        {
            case DhcpEventKind.Granted or DhcpEventKind.Renewed:
                string? hostname = evt.HostName ?? ReservedName(evt.Mac);
                Status.InverterOnLink(evt.Mac, evt.Address.ToIPAddress(), hostname);
                LogOnLink(logger, evt.Mac, evt.Address, hostname ?? "-", evt.Kind == DhcpEventKind.Granted ? "granted" : "renewed");
                break;
            case DhcpEventKind.Ignored when evt.Reason == DhcpIgnoreReason.MacNotAllowed:
                bool first;
                lock (_refusedMacs)
                {
                    if (_refusedMacs.Count >= MaxRememberedRefusals)
                    {
                        _refusedMacs.Clear();
                    }

                    first = _refusedMacs.Add(evt.Mac.Value);
                }

                if (first)
                {
                    LogNotAllowed(logger, evt.Mac);
                }

                break;
            case DhcpEventKind.Ignored or DhcpEventKind.Offered:
                LogDetail(logger, evt);
                break;
            default:
                LogEvent(logger, evt);
                break;
        }
    }



    [LoggerMessage(Level = LogLevel.Information, Message = "DHCP: inverter on link: {Mac} {Address} {Hostname} ({What})")]
    private static partial void LogOnLink(ILogger logger, MacAddress mac, InetAddress address, string hostname, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DHCP: ignored {Mac}: its MAC is not allowed (network.allowed_mac_prefixes, network.allowed_macs); logged once per MAC")]
    private static partial void LogNotAllowed(ILogger logger, MacAddress mac);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DHCP: {Event}")]
    private static partial void LogDetail(ILogger logger, DhcpLeaseEvent @event);

    [LoggerMessage(Level = LogLevel.Information, Message = "DHCP: {Event}")]
    private static partial void LogEvent(ILogger logger, DhcpLeaseEvent @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DHCP: leases: {Detail}")]
    private static partial void LogLeaseFileProblem(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "DHCP: {Count} lease(s) restored from {Path}")]
    private static partial void LogLeasesLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DHCP: cannot send {Type} to {Address}: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string type, string address, string error);
}
