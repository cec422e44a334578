using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Decoding;

/// <summary>Keeps what a decoder reports, copied out of its buffers.</summary>
internal sealed class RecordingSink : ISolarEdgeMessageSink
{
    public List<(SolarEdgeHeader Header, DecryptionStatus Status, byte[] Payload)> Messages { get; } = [];

    public List<Reading> Readings { get; } = [];

    public void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
    {
        Messages.Add((message.Header, message.Status, message.Payload.ToArray()));
        if (telemetry is not null)
        {
            Readings.AddRange(telemetry.Readings);
        }
    }
}
