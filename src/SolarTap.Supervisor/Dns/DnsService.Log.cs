using System.Net;
using Microsoft.Extensions.Logging;

namespace SolarTap.Supervisor.Dns;

internal sealed partial class DnsService
{


    [LoggerMessage(Level = LogLevel.Warning, Message = "DNS: cannot bind the {Transport} socket to {Interface} (needs CAP_NET_RAW); accepting only queries that arrive on it")]
    private static partial void LogNotBound(ILogger logger, string @interface, string transport);

    [LoggerMessage(Level = LogLevel.Information, Message = "DNS: {Client} asked {Name}")]
    private static partial void LogAsked(ILogger logger, IPAddress client, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DNS: {Client} asked {Name}: {Guidance}")]
    private static partial void LogTlsFirmware(ILogger logger, IPAddress client, string name, string guidance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DNS: upstream {Upstream} did not answer; for {Seconds} s other names get {Answer}")]
    private static partial void LogUpstreamDown(ILogger logger, IPEndPoint upstream, double seconds, string answer);
}
