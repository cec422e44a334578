using System.Globalization;

namespace SolarTap.Cli;

/// <summary>Parses <c>--units</c>: "1-247", "1,2,5-7" or "3" into unit ids 1–247 in the order given, each once.</summary>
internal static class ModbusUnits
{
    public static IReadOnlyList<byte> Parse(string text)
    {
        var units = new List<byte>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            (string from, string to) = dash > 0 ? (part[..dash], part[(dash + 1)..]) : (part, part);
            if (!TryUnit(from, out int first) || !TryUnit(to, out int last) || last < first)
            {
                throw new UserError($"--units: '{part}' is not a unit id from 1 to 247 or a range such as 1-247");
            }

            for (int unit = first; unit <= last; unit++)
            {
                if (!units.Contains((byte)unit))
                {
                    units.Add((byte)unit);
                }
            }
        }

        return units.Count > 0 ? units : throw new UserError("--units: give unit ids such as 1, 1,2,3 or 1-247");
    }

    private static bool TryUnit(string text, out int unit) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out unit) && unit is >= 1 and <= 247;
}
