using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Decodes a whole 0x0500 telemetry payload into readings (spec §3, ARCHITECTURE §3). This is what the server,
/// the capture service and the CLI call for every non-empty post. Never throws on any payload.
/// </summary>
public static class TelemetryDecoder
{
    /// <summary>Decodes every record of <paramref name="payload"/>.</summary>
    /// <param name="payload">The 0x0500 payload (the records, without the message header).</param>
    /// <param name="sourceAddress">
    /// The message's source address: the inverter that sent it, used as the parent of 0x0080/0x0082 optimizers
    /// and of meters. Server and broadcast addresses mean "unknown".
    /// </param>
    public static TelemetryDecodeResult Decode(ReadOnlySpan<byte> payload, uint sourceAddress)
    {
        var readings = new List<Reading>((payload.Length / (TelemetryRecordHeader.Size + PackedOptimizerTelemetry.DataLength)) + 1);
        var events = new List<PolestarEventTelemetry>();
        var lists = new List<OptimizerListTelemetry>();
        var unknown = new List<UnknownTelemetryRecord>();
        Dictionary<(uint Id, uint Time), (int Index, MeasurementBuffer Values)>? meters = null;
        var reader = new TelemetryRecordReader(payload);
        int count = 0;
        while (reader.TryReadNext(out TelemetryRecord record))
        {
            count++;
            if (!TryAdd(record, sourceAddress, readings, events, lists, ref meters))
            {
                bool known = Enum.IsDefined(record.Type);
                unknown.Add(new UnknownTelemetryRecord(
                    record.Type, record.DeviceId, record.Data.Length, record.Data.ToArray(), record.Offset,
                    known ? UnknownRecordReason.UnusableLength : UnknownRecordReason.UnknownType));
            }
        }

        if (reader.IsTruncated)
        {
            unknown.Add(Truncated(reader.Remaining, reader.Consumed));
        }

        if (meters is not null)
        {
            foreach (((uint id, uint time), (int index, MeasurementBuffer values)) in meters)
            {
                if (values.Count > 0)
                {
                    readings[index] = new Reading(
                        DeviceIdentityCache.Get(DeviceKind.Meter, id, sourceAddress),
                        TelemetryValue.ToTime(time),
                        values.ToArray());
                }
            }
        }

        if (meters is not null)
        {
            readings.RemoveAll(static r => r is null); // meter slots that got no values
        }

        return new TelemetryDecodeResult(readings, events, lists, unknown, count, reader.Consumed);
    }

    private static bool TryAdd(
        in TelemetryRecord record,
        uint source,
        List<Reading> readings,
        List<PolestarEventTelemetry> events,
        List<OptimizerListTelemetry> lists,
        ref Dictionary<(uint, uint), (int, MeasurementBuffer)>? meters)
    {
        switch (record.Type)
        {
            case TelemetryRecordType.PackedOptimizer when PackedOptimizerTelemetry.TryDecode(record, out var packed):
                readings.Add(TelemetryReadings.ToReading(packed, source));
                return true;
            case TelemetryRecordType.S440Optimizer when S440OptimizerTelemetry.TryDecode(record, out var s440):
                readings.Add(TelemetryReadings.ToReading(s440, source));
                return true;
            case TelemetryRecordType.LegacyOptimizer when LegacyOptimizerTelemetry.TryDecode(record, out var legacy):
                readings.Add(TelemetryReadings.ToReading(legacy));
                return true;
            case TelemetryRecordType.SinglePhaseInverter when SinglePhaseInverterTelemetry.TryDecode(record, out var single):
                readings.Add(TelemetryReadings.ToReading(single!));
                return true;
            case TelemetryRecordType.ThreePhaseInverter when ThreePhaseInverterTelemetry.TryDecode(record, out var three):
                readings.Add(TelemetryReadings.ToReading(three!));
                return true;
            case TelemetryRecordType.Battery when BatteryTelemetry.TryDecode(record, out var battery):
                readings.Add(TelemetryReadings.ToReading(battery!));
                return true;
            case TelemetryRecordType.Meter when MeterTelemetry.TryDecode(record, out var meter):
                AddMeter(meter, readings, ref meters);
                return true;
            case TelemetryRecordType.PolestarEvent when PolestarEventTelemetry.TryDecode(record, out var polestarEvent):
                events.Add(polestarEvent);
                return true;
            case TelemetryRecordType.OptimizerList when OptimizerListTelemetry.TryDecode(record, out var list):
                lists.Add(list!);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Meter records of one device and timestamp (one per flow, spec §3.8) become one reading, so the journal's
    /// (device, timestamp) de-duplication keeps all of them. A repeated flow replaces the earlier values.
    /// </summary>
    private static void AddMeter(in MeterTelemetry meter, List<Reading> readings, ref Dictionary<(uint, uint), (int, MeasurementBuffer)>? meters)
    {
        meters ??= [];
        var key = (SolarEdgeAddress.Unmask(meter.DeviceId), meter.Timestamp);
        if (!meters.TryGetValue(key, out (int Index, MeasurementBuffer Values) entry))
        {
            entry = (readings.Count, new MeasurementBuffer());
            readings.Add(null!); // a slot for the merged meter reading, filled or removed at the end
            meters[key] = entry;
        }

        var values = new MeasurementBuffer(8);
        TelemetryReadings.AddMeter(values, meter);
        foreach (Measurement m in values.Values)
        {
            entry.Values.Set(m);
        }
    }

    private static UnknownTelemetryRecord Truncated(ReadOnlySpan<byte> rest, int offset)
    {
        if (TelemetryRecordHeader.TryRead(rest, out TelemetryRecordHeader header))
        {
            return new UnknownTelemetryRecord(
                header.Type, header.DeviceId, header.Length, rest[TelemetryRecordHeader.Size..].ToArray(), offset, UnknownRecordReason.Truncated);
        }

        return new UnknownTelemetryRecord(0, 0, -1, rest.ToArray(), offset, UnknownRecordReason.Truncated);
    }
}
