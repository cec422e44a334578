using System.Buffers;
using System.Text;
using System.Text.Json;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// A reading's values as one JSON object, lossless (round-trip doubles): <c>{"AcPower":1234.5,"AcVoltage.L2":231.25}</c>.
/// A value that is not a finite number is written as null and read back as NaN.
/// </summary>
internal static class JournalValuesCodec
{
    private static readonly Dictionary<string, (Quantity, Phase)> ValueKeys =
        (from q in Enum.GetValues<Quantity>() from p in Enum.GetValues<Phase>() select (q, p))
        .ToDictionary(x => ReadingJsonWriter.ValueKey(new Measurement(x.q, 0, x.p)), x => x, StringComparer.Ordinal);

    /// <summary>The JSON text of <paramref name="values"/>.</summary>
    public static string Write(IReadOnlyList<Measurement> values)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartObject();
            foreach (Measurement m in values)
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
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses what <see cref="Write"/> wrote; keys this version does not know are skipped and counted.</summary>
    public static List<Measurement> Read(string text, out int unknown)
    {
        unknown = 0;
        var values = new List<Measurement>();
        using JsonDocument document = JsonDocument.Parse(text);
        foreach (JsonProperty value in document.RootElement.EnumerateObject())
        {
            if (!ValueKeys.TryGetValue(value.Name, out (Quantity Quantity, Phase Phase) key))
            {
                unknown++;
                continue;
            }

            double number = value.Value.ValueKind == JsonValueKind.Number ? value.Value.GetDouble() : double.NaN;
            values.Add(new Measurement(key.Quantity, number, key.Phase));
        }

        return values;
    }
}
