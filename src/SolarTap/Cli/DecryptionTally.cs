using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Cli;

/// <summary>Counts, per inverter, what became of its encrypted messages: the evidence 'key check' reports.</summary>
internal sealed class DecryptionTally : ISolarEdgeMessageSink
{
    public SortedDictionary<uint, Dictionary<DecryptionStatus, int>> ByInverter { get; } = [];

    public int Announcements { get; private set; }

    public void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
    {
        if (message.SessionChange is SessionChange.Started or SessionChange.StartedWithoutKey)
        {
            Announcements++;
        }

        if (!message.IsWrapper)
        {
            return;
        }

        // The inverter whose session applied, not the device an inner message speaks for.
        uint inverter = message.Inverter != 0 ? message.Inverter : DecodeStatistics.DeviceOf(message);
        if (!ByInverter.TryGetValue(inverter, out Dictionary<DecryptionStatus, int>? counts))
        {
            counts = [];
            ByInverter.Add(inverter, counts);
        }

        counts[message.Status] = counts.GetValueOrDefault(message.Status) + 1;
    }
}
