using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>What one 0x0500 payload held, as returned by <see cref="TelemetryDecoder.Decode"/>.</summary>
public sealed class TelemetryDecodeResult
{
    internal TelemetryDecodeResult(
        IReadOnlyList<Reading> readings,
        IReadOnlyList<PolestarEventTelemetry> events,
        IReadOnlyList<OptimizerListTelemetry> optimizerLists,
        IReadOnlyList<UnknownTelemetryRecord> unknownRecords,
        int recordCount,
        int consumed)
    {
        Readings = readings;
        Events = events;
        OptimizerLists = optimizerLists;
        UnknownRecords = unknownRecords;
        RecordCount = recordCount;
        Consumed = consumed;
    }

    /// <summary>One reading per inverter, optimizer and battery record; one per meter and timestamp (see docs).</summary>
    public IReadOnlyList<Reading> Readings { get; }

    /// <summary>Polestar events (0x0300); they carry no measurements.</summary>
    public IReadOnlyList<PolestarEventTelemetry> Events { get; }

    /// <summary>Optimizer lists (0x0043); they carry no measurements.</summary>
    public IReadOnlyList<OptimizerListTelemetry> OptimizerLists { get; }

    /// <summary>Records not decoded (unknown type, unusable length, truncated), with their raw bytes.</summary>
    public IReadOnlyList<UnknownTelemetryRecord> UnknownRecords { get; }

    /// <summary>Complete records found (decoded or not); a truncated one is not counted.</summary>
    public int RecordCount { get; }

    /// <summary>Payload bytes taken by complete records.</summary>
    public int Consumed { get; }

    /// <summary>True when the payload ended inside a record; decoding stopped there.</summary>
    public bool IsTruncated => UnknownRecords.Count > 0 && UnknownRecords[^1].Reason == UnknownRecordReason.Truncated;
}
