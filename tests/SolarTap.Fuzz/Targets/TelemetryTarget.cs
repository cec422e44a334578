using System.Text.Json;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Semonitor;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// A 0x0500 payload through the record reader, every typed decoder and re-encoder, the readings mapping, the
/// semonitor writer, and (for optimizer-only payloads) the direct JSON writer against the reading path.
/// </summary>
internal sealed class TelemetryTarget : IFuzzTarget
{
    public string Name => "solaredge-telemetry";

    public IEnumerable<byte[]> Seeds()
    {
        using JsonDocument vectors = JsonDocument.Parse(TestData.SolarEdgeText("record_vectors.json"));
        foreach (JsonElement vector in vectors.RootElement.EnumerateArray())
        {
            if (vector.TryGetProperty("hex", out JsonElement hex))
            {
                byte[] record = Convert.FromHexString(hex.GetString()!);
                // the partial three-phase record declares 258 bytes but has 168: seed it with the length it has
                BitConverter.TryWriteBytes(record.AsSpan(6, 2), (ushort)(record.Length - TelemetryRecordHeader.Size));
                yield return record;
            }
        }

        foreach (string file in new[] { "synth_inverter1ph_oldopt_issue8.bin", "synth_opt0080_issue11.bin", "synth_meter_s440_issue178.bin", "rs485_grant_and_meter_issue136.bin" })
        {
            byte[] bytes = TestData.SolarEdge(file);
            // the payload of each 0x0500 message: the framer is fuzzed separately
            if (SolarEdgeFrameReader.TryParse(bytes, out _, out Range payload) && payload.End.Value - payload.Start.Value > 0)
            {
                yield return bytes[payload];
            }
            else
            {
                yield return bytes;
            }
        }
    }

    public void Run(byte[] input)
    {
        TelemetryDecodeResult result = TelemetryDecoder.Decode(input, 0x7F104920);
        if (result.Consumed > input.Length || result.IsTruncated != (result.Consumed < input.Length))
        {
            throw new InvalidOperationException("The decoder's consumed count does not match the input.");
        }

        var reader = new TelemetryRecordReader(input);
        Span<byte> buffer = stackalloc byte[ushort.MaxValue + TelemetryRecordHeader.Size];
        while (reader.TryReadNext(out TelemetryRecord record))
        {
            ReEncode(record, buffer);
        }

        if (PackedOptimizerJsonWriter.IsPackedOnly(input, out int records))
        {
            CompareDirectJson(input, records, result);
        }

        string? line = SemonitorJsonWriter.FormatLine(input, TimeZoneInfo.Utc);
        if ((line is null) != (input.Length == 0))
        {
            throw new InvalidOperationException("The semonitor writer's null contract does not hold.");
        }
    }

    /// <summary>The direct writer must write exactly the reading path's lines.</summary>
    private static void CompareDirectJson(byte[] input, int records, TelemetryDecodeResult result)
    {
        var direct = new byte[records * PackedOptimizerJsonWriter.MaxLineLength];
        int length = new PackedOptimizerJsonWriter().Write(input, 0x7F104920, direct);
        var json = new ReadingJsonWriter();
        var expected = new List<byte>();
        foreach (Reading reading in result.Readings)
        {
            expected.AddRange(json.Format(reading));
        }

        if (!direct.AsSpan(0, length).SequenceEqual(expected.ToArray()))
        {
            throw new InvalidOperationException("The direct JSON writer and the reading path disagree.");
        }
    }

    /// <summary>A record that decodes must encode back to exactly its bytes.</summary>
    private static void ReEncode(in TelemetryRecord record, Span<byte> buffer)
    {
        bool ok = true;
        int written = -1;
        if (PackedOptimizerTelemetry.TryDecode(record, out var a)) { ok = a.TryWrite(buffer, out written); }
        else if (S440OptimizerTelemetry.TryDecode(record, out var b)) { ok = b.TryWrite(buffer, out written); }
        else if (LegacyOptimizerTelemetry.TryDecode(record, out var c)) { ok = c.TryWrite(buffer, out written); }
        else if (SinglePhaseInverterTelemetry.TryDecode(record, out var d)) { ok = d!.TryWrite(buffer, out written); }
        else if (ThreePhaseInverterTelemetry.TryDecode(record, out var e)) { ok = e!.TryWrite(buffer, out written); }
        else if (MeterTelemetry.TryDecode(record, out var f)) { ok = f.TryWrite(buffer, out written); }
        else if (PolestarEventTelemetry.TryDecode(record, out var g)) { ok = g.TryWrite(buffer, out written); }
        else if (OptimizerListTelemetry.TryDecode(record, out var h)) { ok = h!.TryWrite(buffer, out written); }
        else if (BatteryTelemetry.TryDecode(record, out _)) { return; } // the ID text is normalised (NULs trimmed)

        if (!ok || (written >= 0 && !buffer[TelemetryRecordHeader.Size..written].SequenceEqual(record.Data)))
        {
            throw new InvalidOperationException($"Record type 0x{(ushort)record.Type:x4} does not re-encode to its bytes.");
        }
    }
}
