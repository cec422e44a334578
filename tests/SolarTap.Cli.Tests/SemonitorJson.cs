using System.Text.Json;
using System.Text.RegularExpressions;

namespace SolarTap.Cli.Tests;

/// <summary>
/// Compares semonitor JSON lines the way the acceptance criteria say: same structure and strings, numbers equal at
/// f32 precision, NaN where semonitor prints NaN (a bare token that strict JSON readers refuse).
/// </summary>
internal static partial class SemonitorJson
{
    public static void AssertEquivalent(string expected, string actual)
    {
        string[] expectedLines = Lines(expected);
        string[] actualLines = Lines(actual);
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (int i = 0; i < expectedLines.Length; i++)
        {
            using JsonDocument e = Parse(expectedLines[i]);
            using JsonDocument a = Parse(actualLines[i]);
            AssertEquivalent(e.RootElement, a.RootElement, $"line {i + 1}");
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static JsonDocument Parse(string line) => JsonDocument.Parse(BareNaN().Replace(line, "\"NaN\""));

    private static void AssertEquivalent(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind} ({actual})");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                string[] expectedNames = [.. expected.EnumerateObject().Select(p => p.Name)];
                string[] actualNames = [.. actual.EnumerateObject().Select(p => p.Name)];
                Assert.True(expectedNames.SequenceEqual(actualNames), $"{path}: keys differ: expected [{string.Join(",", expectedNames)}], got [{string.Join(",", actualNames)}]");
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    AssertEquivalent(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Number:
                Assert.True((float)expected.GetDouble() == (float)actual.GetDouble(), $"{path}: expected {expected}, got {actual}");
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{path}: expected {expected}, got {actual}");
                break;
        }
    }

    [GeneratedRegex(@"(?<=: |\[)NaN(?=[,}\]])")]
    private static partial Regex BareNaN();
}
