using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Decoding;

/// <summary>Counters over every stream of one decoding run: framing totals and per-device counts.</summary>
public sealed class DecodeStatistics
{
    private readonly List<FrameReaderStatistics> _framers = [];
    private readonly SortedDictionary<uint, DeviceCounters> _devices = [];

    /// <summary>Per device, by inverter ID (unmasked form as sent).</summary>
    public IReadOnlyDictionary<uint, DeviceCounters> Devices => _devices;

    /// <summary>Messages found by all framers.</summary>
    public long Frames => _framers.Sum(f => f.Frames);

    /// <summary>Bytes skipped by all framers.</summary>
    public long BytesSkipped => _framers.Sum(f => f.BytesSkipped);

    /// <summary>CRC errors in all streams.</summary>
    public long CrcErrors => _framers.Sum(f => f.CrcErrors);

    /// <summary>False barkers with a mismatching inverted length.</summary>
    public long LengthMismatches => _framers.Sum(f => f.LengthMismatches);

    /// <summary>Candidates declaring more payload than the cap.</summary>
    public long OversizedCandidates => _framers.Sum(f => f.OversizedCandidates);

    /// <summary>Incomplete candidates given up at the end of input or a gap.</summary>
    public long TruncatedCandidates => _framers.Sum(f => f.TruncatedCandidates);

    /// <summary>Includes a stream's framer in the totals.</summary>
    public void Track(FrameReaderStatistics framer) => _framers.Add(framer);

    /// <summary>Counts one message.</summary>
    public void Record(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
    {
        DeviceCounters counters = CountMessage(message);
        if (telemetry is not null)
        {
            counters.Posts++;
            counters.Records += telemetry.RecordCount;
            counters.Readings += telemetry.Readings.Count;
            counters.UnknownRecords += telemetry.UnknownRecords.Count;
            counters.TruncatedPosts += telemetry.IsTruncated ? 1 : 0;
        }
    }

    /// <summary>
    /// Counts a post of <paramref name="records"/> 0x0080 records handed over undecoded: each is one reading, as
    /// <see cref="TelemetryDecoder"/> would have made.
    /// </summary>
    public void RecordPackedOptimizers(scoped in TrackedMessage message, int records)
    {
        DeviceCounters counters = CountMessage(message);
        counters.Posts++;
        counters.Records += records;
        counters.Readings += records;
    }

    private DeviceCounters CountMessage(scoped in TrackedMessage message)
    {
        uint device = DeviceOf(message);
        if (!_devices.TryGetValue(device, out DeviceCounters? counters))
        {
            counters = new DeviceCounters();
            _devices.Add(device, counters);
        }

        counters.Messages++;
        switch (message.Status)
        {
            case DecryptionStatus.Decrypted:
                counters.Decrypted++;
                break;
            case DecryptionStatus.Plain:
                break;
            default:
                counters.NotDecrypted++;
                break;
        }

        if (message.SessionChange is SessionChange.Started or SessionChange.StartedWithoutKey)
        {
            counters.SessionAnnouncements++;
        }

        return counters;
    }

    /// <summary>The inverter a message belongs to: its inverter-side address, or the session's inverter.</summary>
    public static uint DeviceOf(scoped in TrackedMessage message)
    {
        if (SessionTracker.IsInverterAddress(message.Header.Source))
        {
            return message.Header.Source;
        }

        return SessionTracker.IsInverterAddress(message.Header.Destination) ? message.Header.Destination : message.Inverter;
    }
}
