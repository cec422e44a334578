using System.Text;
using System.Text.Json;
using SolarTap.Protocols.SolarEdge.Semonitor;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Telemetry;

/// <summary>Every record of record_vectors.json against semonitor's and se-logger's decode of it.</summary>
public class RecordVectorTests
{
    public static TheoryData<int> VectorIndexes() => new(Enumerable.Range(0, TelemetrySamples.Vectors().Count));

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Decode_RecordVector_GivesSemonitorsValuesByteForByte(int index)
    {
        JsonElement vector = TelemetrySamples.Vectors()[index];
        (TelemetryRecordType type, uint id, byte[] data) = TelemetrySamples.Record(vector);
        byte[] payload = TelemetrySamples.Payload(type, id, data);

        string actual = SemonitorJsonWriter.FormatLine(payload, TimeZoneInfo.Utc)!;

        Assert.Equal(ExpectedLine(type, SolarEdgeAddressText(id), vector.GetProperty("semonitor")), actual);
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Decode_PackedOptimizerVector_GivesSeloggersRawIntegers(int index)
    {
        JsonElement vector = TelemetrySamples.Vectors()[index];
        if (!vector.TryGetProperty("selogger", out JsonElement selogger) || selogger.ValueKind != JsonValueKind.Object)
        {
            return; // se-logger does not decode this type or length
        }

        (TelemetryRecordType type, uint id, byte[] data) = TelemetrySamples.Record(vector);
        Assert.Equal(TelemetryRecordType.PackedOptimizer, type);
        Assert.True(PackedOptimizerTelemetry.TryDecode(id, data, out PackedOptimizerTelemetry r));
        Assert.Equal(selogger.GetProperty("op_id").GetUInt32(), r.DeviceId);
        Assert.Equal(selogger.GetProperty("timestamp").GetUInt32(), r.Timestamp);
        Assert.Equal(selogger.GetProperty("uptime").GetInt32(), r.Uptime);
        Assert.Equal(selogger.GetProperty("v_in").GetInt32(), r.ModuleVoltageRaw);
        Assert.Equal(selogger.GetProperty("v_out").GetInt32(), r.OutputVoltageRaw);
        Assert.Equal(selogger.GetProperty("i_in").GetInt32(), r.ModuleCurrentRaw);
        Assert.Equal(selogger.GetProperty("e_day").GetInt32(), r.EnergyRaw);
        Assert.Equal(selogger.GetProperty("temperature").GetInt32(), r.TemperatureRaw);
    }

    [Fact]
    public void Decode_PartialThreePhaseVector_ReadsTheExtensionFieldsItCovers()
    {
        JsonElement vector = TelemetrySamples.Vectors().Single(v => v.GetProperty("type").GetString() == "0x0011");
        (_, uint id, byte[] data) = TelemetrySamples.Record(vector);

        Assert.True(ThreePhaseInverterTelemetry.TryDecode(id, data, out ThreePhaseInverterTelemetry? r));

        Assert.Equal(168, r!.DataLength);
        Assert.Equal(4u, r.Mode);
        Assert.Equal(1445f, r.ActivePower!.Value.L1);
        Assert.Equal(1445f, r.ActivePower.Value.L3);
        Assert.InRange(r.LineVoltage!.Value.L1, 395f, 405f);
        Assert.InRange(r.ApparentPower!.Value.L2, 1448f, 1462f);
        Assert.Null(r.ReactivePower); // bytes 168.. were not published
        Assert.Null(r.EnergyTotalExact);
        Assert.True(TelemetryValue.IsNotAvailable(r.DcCurrent));
    }

    private static string SolarEdgeAddressText(uint id) => Protocols.SolarEdge.SolarEdgeAddress.Format(id);

    /// <summary>semonitor's line for a payload holding just this record, built from the vector's expected object.</summary>
    private static string ExpectedLine(TelemetryRecordType type, string id, JsonElement semonitor)
    {
        var text = new StringBuilder();
        if (type is TelemetryRecordType.Meter or TelemetryRecordType.Battery)
        {
            // the vector already holds {"meters_0x0022": {...}}; add the three keys semonitor always prints
            text.Append("{\"events\": {}, \"inverters\": {}, ");
            string inner = Render(semonitor, null);
            text.Append(inner[1..^1]).Append(", \"optimizers\": {}}\n");
            return text.ToString();
        }

        string entry = Render(semonitor, id);
        string events = type == TelemetryRecordType.PolestarEvent ? $"{{\"{id}\": {entry}}}" : "{}";
        string inverters = type is TelemetryRecordType.SinglePhaseInverter or TelemetryRecordType.ThreePhaseInverter ? $"{{\"{id}\": {entry}}}" : "{}";
        string optimizers = type is TelemetryRecordType.PackedOptimizer or TelemetryRecordType.S440Optimizer or TelemetryRecordType.LegacyOptimizer
            ? $"{{\"{id}\": {entry}}}" : "{}";
        return $"{{\"events\": {events}, \"inverters\": {inverters}, \"optimizers\": {optimizers}}}\n";
    }

    /// <summary>Python json.dumps(sort_keys=True) of the expected object; numbers keep their text; "NaN" is the bare token.</summary>
    private static string Render(JsonElement element, string? id) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(", ", element.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"\"{p.Name}\": " + (p.Name == "ID" && id is not null ? $"\"{id}\"" : Render(p.Value, null)))) + "}",
        JsonValueKind.String when element.GetString() == "NaN" => "NaN",
        JsonValueKind.String => "\"" + element.GetString() + "\"",
        _ => element.GetRawText(),
    };
}
