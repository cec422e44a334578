using System.Buffers;
using System.Globalization;
using System.Text;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Semonitor;

/// <summary>
/// Writes the JSON line jbuehl/solaredge <c>semonitor.py</c> prints for one 0x0500 payload (spec §3.12), byte for
/// byte, for users migrating from semonitor: sorted keys, <c>", "</c>/<c>": "</c> separators, Python float repr,
/// bare <c>NaN</c>, semonitor's field names and types, its merge rules. Never throws on any payload.
/// </summary>
public static class SemonitorJsonWriter
{
    internal const string EventsKey = "events";
    internal const string InvertersKey = "inverters";
    internal const string OptimizersKey = "optimizers";
    internal const string MetersKey = "meters_0x0022";
    internal const string BatteriesKey = "batteries_0x0030";

    internal static string UnknownKey(ushort type) => "Unknown_device_0x" + type.ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The line semonitor prints for <paramref name="payload"/>, ending in "\n"; null for an empty payload (semonitor
    /// prints nothing for empty posts).
    /// </summary>
    /// <param name="payload">The 0x0500 payload.</param>
    /// <param name="timeZone">The zone semonitor's machine would have used for Date, Time and event times.</param>
    public static string? FormatLine(ReadOnlySpan<byte> payload, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (payload.IsEmpty)
        {
            return null;
        }

        var text = new StringBuilder(256 + (payload.Length * 4));
        Build(payload, timeZone).WriteTo(text);
        return text.Append('\n').ToString();
    }

    /// <summary>Writes <see cref="FormatLine"/>'s line as UTF-8 to <paramref name="output"/>.</summary>
    /// <returns><see langword="false"/> (and nothing written) for an empty payload.</returns>
    public static bool TryWriteLine(ReadOnlySpan<byte> payload, TimeZoneInfo timeZone, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? line = FormatLine(payload, timeZone);
        if (line is null)
        {
            return false;
        }

        Span<byte> destination = output.GetSpan(Encoding.UTF8.GetByteCount(line));
        output.Advance(Encoding.UTF8.GetBytes(line, destination));
        return true;
    }

    internal static SemonitorObject Build(ReadOnlySpan<byte> payload, TimeZoneInfo zone)
    {
        var root = new SemonitorObject();
        SemonitorObject events = root.Child(EventsKey);
        SemonitorObject inverters = root.Child(InvertersKey);
        SemonitorObject optimizers = root.Child(OptimizersKey);
        var reader = new TelemetryRecordReader(payload);
        while (reader.TryReadNext(out TelemetryRecord record))
        {
            string id = SolarEdgeAddress.Format(record.DeviceId);
            switch (record.Type)
            {
                // inverters, optimizers, events: a later record of the same ID replaces the earlier one
                case TelemetryRecordType.PackedOptimizer when PackedOptimizerTelemetry.TryDecode(record, out var packed):
                    optimizers[id] = SemonitorEntries.Optimizer(packed, zone);
                    break;
                case TelemetryRecordType.S440Optimizer when S440OptimizerTelemetry.TryDecode(record, out var s440):
                    optimizers[id] = SemonitorEntries.Optimizer(s440, zone);
                    break;
                case TelemetryRecordType.LegacyOptimizer when LegacyOptimizerTelemetry.TryDecode(record, out var legacy):
                    optimizers[id] = SemonitorEntries.Optimizer(legacy, zone);
                    break;
                case TelemetryRecordType.SinglePhaseInverter when SinglePhaseInverterTelemetry.TryDecode(record, out var single):
                    inverters[id] = SemonitorEntries.Inverter(single!, zone);
                    break;
                case TelemetryRecordType.ThreePhaseInverter when ThreePhaseInverterTelemetry.TryDecode(record, out var three):
                    inverters[id] = SemonitorEntries.Inverter(three!, zone);
                    break;
                case TelemetryRecordType.PolestarEvent when PolestarEventTelemetry.TryDecode(record, out var polestarEvent):
                    events[id] = SemonitorEntries.Event(polestarEvent, zone);
                    break;

                // table-driven types: merged into what is there
                case TelemetryRecordType.Meter when MeterTelemetry.TryDecode(record, out var meter):
                    root.Child(MetersKey).Child(id).Child(SemonitorEntries.MeterLabel(meter.Flow))
                        .Merge(SemonitorEntries.Meter(meter, zone));
                    break;
                case TelemetryRecordType.Battery when BatteryTelemetry.TryDecode(record, out var battery):
                    root.Child(BatteriesKey).Child(id).Child(battery!.BatteryId).Merge(SemonitorEntries.Battery(battery, zone));
                    break;
                default:
                    root.Child(UnknownKey((ushort)record.Type)).Child(id)
                        .Merge(SemonitorEntries.Unknown((ushort)record.Type, record.DeviceId, record.Data, zone));
                    break;
            }
        }

        return root;
    }
}
