namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// One complete record of a telemetry payload (spec §3.1): its header fields and a slice of the payload holding
/// exactly the declared data. Valid as long as the payload it was read from.
/// </summary>
public readonly ref struct TelemetryRecord
{
    /// <summary>A record of <paramref name="type"/> from <paramref name="deviceId"/> with <paramref name="data"/>.</summary>
    public TelemetryRecord(TelemetryRecordType type, uint deviceId, ReadOnlySpan<byte> data, int offset = 0)
    {
        Type = type;
        DeviceId = deviceId;
        Data = data;
        Offset = offset;
    }

    /// <summary>Record type.</summary>
    public TelemetryRecordType Type { get; }

    /// <summary>Device ID as sent (not masked).</summary>
    public uint DeviceId { get; }

    /// <summary>The record data (after the 8-byte header); its length is the declared length.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Position of the record's header in the payload.</summary>
    public int Offset { get; }

    /// <summary>Header plus data: how many payload bytes the record occupies.</summary>
    public int WireLength => TelemetryRecordHeader.Size + Data.Length;
}
