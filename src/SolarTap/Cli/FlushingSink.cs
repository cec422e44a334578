using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Cli;

/// <summary>Passes every message to a printer and makes its output visible at once (for live sniffing).</summary>
internal sealed class FlushingSink(TelemetryPrinter printer) : ISolarEdgeMessageSink
{
    public void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
    {
        printer.OnMessage(message, telemetry);
        if (telemetry is not null)
        {
            printer.FlushAsync().GetAwaiter().GetResult();
        }
    }
}
