using System.Net;
using Microsoft.Extensions.Logging;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>Turns what the SolarEdge connections see into status-model updates, counters and log lines.</summary>
internal sealed partial class SolarEdgeStatusReporter(StatusModel status, ILogger<SolarEdgeStatusReporter> logger)
{
    /// <summary>The status source name in server mode.</summary>
    public const string ServerSource = "solaredge-server";

    /// <summary>The status source name in relay mode.</summary>
    public const string RelaySource = "solaredge-relay";

    /// <summary>The status source name of the passive capture.</summary>
    public const string CaptureSource = "capture";

    /// <summary>The source this service reports as.</summary>
    public string Source { get; set; } = ServerSource;

    public StatusModel Status => status;

    public void Count(string counter, long increment = 1) => status.CountSource(Source, counter, increment);

    public void Connected(IPEndPoint remote, int port)
    {
        Count("connections");
        LogConnected(logger, remote, port);
    }

    public void Disconnected(IPEndPoint remote, uint? inverter, string reason)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogDisconnected(logger, remote, inverter is uint id ? SolarEdgeAddress.Format(id) : "unidentified", reason);
        }
    }

    /// <summary>A post's readings are durable (<paramref name="stored"/> new ones; the rest were already stored).</summary>
    public void Posted(SolarEdgePost post, int stored, IPAddress remote)
    {
        string serial = SolarEdgeAddress.Format(post.Inverter);
        Count("posts");
        Count("readings", stored);
        status.InverterPosted(serial, remote, stored, Source);
        status.InverterFirmwareSeen(serial, remote, post.Encrypted ? InverterFirmware.Encrypted : InverterFirmware.Plain);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogPosted(logger, serial, post.Sequence, post.Readings.Count, stored);
        }
    }

    /// <summary>Reports one event of a connection; <paramref name="warned"/> keeps warnings to one per kind and connection.</summary>
    public void Report(SolarEdgeServerEvent e, IPAddress remote, HashSet<SolarEdgeServerEventKind> warned)
    {
        string? serial = e.Inverter != 0 ? SolarEdgeAddress.Format(e.Inverter) : null;
        switch (e.Kind)
        {
            case SolarEdgeServerEventKind.InverterIdentified:
                Info(e, remote);
                break;
            case SolarEdgeServerEventKind.SessionStarted:
                Count("key_exchanges");
                status.InverterFirmwareSeen(serial, remote, InverterFirmware.Encrypted);
                Info(e, remote);
                break;
            case SolarEdgeServerEventKind.EncryptedInverterWithoutKey:
                Count("undecrypted");
                status.InverterFirmwareSeen(serial, remote, InverterFirmware.EncryptedNoKey);
                Warn(e, remote, warned);
                break;
            case SolarEdgeServerEventKind.WrapperWithoutSession or SolarEdgeServerEventKind.WrapperUndecryptable:
                Count("undecrypted");
                Warn(e, remote, warned);
                break;
            case SolarEdgeServerEventKind.PostDecoded:
                Count("unknown_records", e.UnknownRecords);
                break;
            case SolarEdgeServerEventKind.TimeSent:
                Count("time_replies");
                Info(e, remote);
                break;
            case SolarEdgeServerEventKind.ClockNotSynchronised:
                Count("time_refused");
                Warn(e, remote, warned);
                break;
            case SolarEdgeServerEventKind.UndecodableData:
                Count("bytes_skipped", e.Bytes);
                Warn(e, remote, warned);
                break;
            case SolarEdgeServerEventKind.TlsClientHello:
                status.InverterFirmwareSeen(serial, remote, InverterFirmware.Tls);
                Warn(e, remote, warned);
                break;
            default:
                Warn(e, remote, warned);
                break;
        }
    }

    private void Info(SolarEdgeServerEvent e, IPAddress remote)
    {
        LogInfo(logger, e.Inverter, e.Message, remote);
    }

    private void Warn(SolarEdgeServerEvent e, IPAddress remote, HashSet<SolarEdgeServerEventKind> warned)
    {
        if (warned.Add(e.Kind))
        {
            LogWarning(logger, e.Inverter, e.Message, remote);
        }
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "SolarEdge: connection from {Remote} on port {Port}")]
    private static partial void LogConnected(ILogger logger, IPEndPoint remote, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "SolarEdge: connection from {Remote} ({Inverter}) closed: {Reason}")]
    private static partial void LogDisconnected(ILogger logger, IPEndPoint remote, string inverter, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SolarEdge: {Inverter} post seq {Sequence}: {Readings} readings, {Stored} stored")]
    private static partial void LogPosted(ILogger logger, string inverter, ushort sequence, int readings, int stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "SolarEdge: {Inverter:X8}: {Message} ({Remote})")]
    private static partial void LogInfo(ILogger logger, uint inverter, string message, IPAddress remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SolarEdge: {Inverter:X8}: {Message} ({Remote})")]
    private static partial void LogWarning(ILogger logger, uint inverter, string message, IPAddress remote);
}
