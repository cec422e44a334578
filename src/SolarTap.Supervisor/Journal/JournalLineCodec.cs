using System.Buffers;
using System.Text.Json;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// One reading per line of JSON, lossless (full timestamp precision, manufacturer, round-trip doubles):
/// <c>{"time":"2024-05-01T12:00:00.25+00:00","kind":"inverter","device":"7F104920","values":{"AcPower":1234.5,"AcVoltage.L1":231.2}}</c>.
/// Optional "parent" and "manufacturer" follow "device". A value that is not a finite number is written as null.
/// </summary>
internal static class JournalLineCodec
{
    private static readonly Dictionary<string, DeviceKind> Kinds =
        Enum.GetValues<DeviceKind>().ToDictionary(ReadingJsonWriter.KindName, k => k, StringComparer.Ordinal);

    private static readonly Dictionary<string, (Quantity, Phase)> ValueKeys =
        (from q in Enum.GetValues<Quantity>() from p in Enum.GetValues<Phase>() select (q, p))
        .ToDictionary(x => ReadingJsonWriter.ValueKey(new Measurement(x.q, 0, x.p)), x => x, StringComparer.Ordinal);

    /// <summary>Appends the line for <paramref name="reading"/>, '\n' included.</summary>
    public static void Write(IBufferWriter<byte> output, Reading reading)
    {
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteString("time"u8, reading.Timestamp.ToUniversalTime());
            json.WriteString("kind"u8, ReadingJsonWriter.KindName(reading.Device.Kind));
            json.WriteString("device"u8, reading.Device.Serial);
            if (reading.Device.Parent is { } parent)
            {
                json.WriteString("parent"u8, parent);
            }

            if (reading.Device.Manufacturer is { } manufacturer)
            {
                json.WriteString("manufacturer"u8, manufacturer);
            }

            json.WriteStartObject("values"u8);
            foreach (Measurement m in reading.Values)
            {
                string key = ReadingJsonWriter.ValueKey(m);
                if (double.IsFinite(m.Value))
                {
                    json.WriteNumber(key, m.Value);
                }
                else
                {
                    json.WriteNull(key);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>Parses one line (without its '\n'); false when it is not a journal line.</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, out Reading? reading)
    {
        reading = null;
        try
        {
            var json = new Utf8JsonReader(line);
            using JsonDocument document = JsonDocument.ParseValue(ref json);
            JsonElement root = document.RootElement;
            if (!Kinds.TryGetValue(root.GetProperty("kind").GetString() ?? "", out DeviceKind kind))
            {
                return false;
            }

            var device = new DeviceIdentity(kind, root.GetProperty("device").GetString()!,
                root.TryGetProperty("parent", out JsonElement p) ? p.GetString() : null,
                root.TryGetProperty("manufacturer", out JsonElement m) ? m.GetString() : null);
            var values = new List<Measurement>();
            foreach (JsonProperty value in root.GetProperty("values").EnumerateObject())
            {
                if (!TryParseKey(value.Name, out Quantity quantity, out Phase phase))
                {
                    return false;
                }

                values.Add(new Measurement(quantity, value.Value.ValueKind == JsonValueKind.Null ? double.NaN : value.Value.GetDouble(), phase));
            }

            reading = new Reading(device, root.GetProperty("time").GetDateTimeOffset(), values);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return false;
        }
    }

    private static bool TryParseKey(string key, out Quantity quantity, out Phase phase)
    {
        bool known = ValueKeys.TryGetValue(key, out (Quantity Quantity, Phase Phase) parsed);
        (quantity, phase) = parsed;
        return known;
    }
}
