using System.Globalization;
using System.Text.Json;

namespace SolarTap.Cli.Tests;

/// <summary>Checks SolarTap readings against se-logger's raw integers (1/8 V, 1/160 A, 1/4 Wh, 2 °C steps).</summary>
internal static class SeLogger
{
    /// <summary>
    /// Every optimizer record of every 0x0500 in se-logger's output must appear among the readings with the same
    /// scaled values; and there must be exactly as many optimizer readings as se-logger records.
    /// </summary>
    public static void AssertOptimizerReadings(string seLoggerJson, string readingLines)
    {
        using JsonDocument expected = JsonDocument.Parse(seLoggerJson);
        JsonElement[] records = expected.RootElement.ValueKind == JsonValueKind.Array && expected.RootElement.EnumerateArray().Any(e => e.TryGetProperty("function", out _))
            ? [.. expected.RootElement.EnumerateArray().Where(m => m.GetProperty("function").GetString() == "0x0500").SelectMany(m => m.GetProperty("records").EnumerateArray())]
            : [.. expected.RootElement.EnumerateArray()];
        var readings = readingLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(records.Length, readings.Count(r => r.GetProperty("kind").GetString() == "optimizer"));

        foreach (JsonElement record in records)
        {
            string serial = record.GetProperty("op_id").GetUInt32().ToString("X", CultureInfo.InvariantCulture);
            string time = DateTimeOffset.FromUnixTimeSeconds(record.GetProperty("timestamp").GetInt64()).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            JsonElement match = readings.First(r => r.GetProperty("device").GetString() == serial && r.GetProperty("time").GetString() == time);
            JsonElement values = match.GetProperty("values");
            Assert.Equal(record.GetProperty("v_in").GetInt32() / 8.0, values.GetProperty("DcVoltage").GetDouble());
            Assert.Equal(record.GetProperty("v_out").GetInt32() / 8.0, values.GetProperty("DcOutputVoltage").GetDouble());
            Assert.Equal(record.GetProperty("i_in").GetInt32() / 160.0, values.GetProperty("DcCurrent").GetDouble(), 9);
            Assert.Equal(record.GetProperty("e_day").GetInt32() / 4.0, values.GetProperty("EnergyToday").GetDouble());
            Assert.Equal(record.GetProperty("temperature").GetInt32() * 2.0, values.GetProperty("Temperature").GetDouble());
        }
    }
}
