using Microsoft.Extensions.DependencyInjection;
using SolarTap.Devices.Serial;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Supervisor.SolarEdge;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Serial;

internal sealed partial class Rs485Service : ISolarEdgeMessageSink
{
    private CancellationToken _sniffing;

    private async Task RunSnifferAsync(ISerialPort port, CancellationToken stoppingToken)
    {
        // RS485 traffic is plaintext in every source (spec §4.1); the server's key sessions are used if present anyway.
        InverterSessions sessions = _services.GetService<SolarEdgeSessions>()?.Sessions ?? new InverterSessions(_ => null);
        var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), this, new DecodeStatistics());
        var sniffer = new SolarEdgeSniffer(port, decoder, _time);
        _sniffing = stoppingToken;
        await Task.Run(() => sniffer.Run(stoppingToken), stoppingToken).ConfigureAwait(false);
    }

    /// <summary>A message seen on the tapped bus: posts' readings go to the journal (nobody waits for our ACK here).</summary>
    void ISolarEdgeMessageSink.OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
    {
        Status.CountSource(SourceName, "messages");
        if (telemetry is null)
        {
            return;
        }

        string serial = SolarEdgeAddress.Format(message.Header.Source);
        try
        {
            int stored = telemetry.Readings.Count == 0 ? 0
                : _journal.AppendAsync(telemetry.Readings, _sniffing).AsTask().GetAwaiter().GetResult();
            Status.CountSource(SourceName, "posts");
            Status.CountSource(SourceName, "readings", stored);
            Status.InverterPosted(serial, null, stored);
        }
        catch (IOException e)
        {
            Status.CountSource(SourceName, "journal_errors");
            Report(ComponentState.Waiting, $"journal write failed, post of {serial} lost (a sniffer cannot ask for it again): {e.Message}");
        }
    }
}
