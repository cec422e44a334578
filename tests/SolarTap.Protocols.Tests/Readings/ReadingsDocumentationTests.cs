using System.Text.RegularExpressions;
using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.Tests.Readings;

public class ReadingsDocumentationTests
{
    [Fact]
    public void ReadingsDoc_ListsEveryQuantityWithItsUnit()
    {
        string doc = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "readings.md"));
        var rows = Regex.Matches(doc, @"^\| `(\w+)` \| ([^|]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

        foreach (Quantity quantity in Enum.GetValues<Quantity>())
        {
            Assert.True(rows.TryGetValue(quantity.ToString(), out string? unit), $"docs/readings.md does not list {quantity}.");
            string expected = QuantityInfo.Symbol(QuantityInfo.UnitOf(quantity));
            Assert.True((expected.Length == 0 ? "—" : expected) == unit, $"docs/readings.md gives {quantity} the unit '{unit}', the code '{expected}'.");
        }

        Assert.Equal(Enum.GetValues<Quantity>().Length, rows.Count);
    }
}
