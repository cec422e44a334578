using System.Globalization;

namespace SolarTap.Protocols.Display;

/// <summary>
/// Short, culture-invariant text for values on a 21-character line: three significant digits, SI prefixes,
/// "--" for unknown or non-finite values.
/// </summary>
public static class DisplayFormat
{
    /// <summary>Shown for a value that is unknown.</summary>
    public const string Unknown = "--";

    /// <summary>Power as number and unit: 850 → ("850", "W"), 3421 → ("3.42", "kW"), 34210 → ("34.2", "kW").</summary>
    public static (string Number, string Unit) PowerParts(double? watts) => Scaled(watts, "W");

    /// <summary>Power as one string: "850 W", "3.42 kW".</summary>
    public static string Power(double? watts) => Join(PowerParts(watts));

    /// <summary>Energy as one string: "850 Wh", "12.4 kWh", "1.23 MWh".</summary>
    public static string Energy(double? wattHours) => Join(Scaled(wattHours, "Wh"));

    /// <summary>A voltage with one decimal: "385.2 V".</summary>
    public static string Voltage(double? volts) => Fixed(volts, "0.0", " V");

    /// <summary>A temperature with one decimal: "48.2°C".</summary>
    public static string Temperature(double? celsius) => Fixed(celsius, "0.0", "\u00B0C");

    /// <summary>A count with thousands separators: "12,345".</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An uptime: "04:12:05" under a day, "3d 04:12" after.</summary>
    public static string Uptime(TimeSpan uptime)
    {
        if (uptime < TimeSpan.Zero)
        {
            uptime = TimeSpan.Zero;
        }

        return uptime.Days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{uptime.Days}d {uptime.Hours:00}:{uptime.Minutes:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{uptime.Hours:00}:{uptime.Minutes:00}:{uptime.Seconds:00}");
    }

    /// <summary>How long ago, in the largest whole unit: "42 s ago", "3 min ago", "2 h ago", "4 d ago"; "never" for null.</summary>
    public static string Age(TimeSpan? age)
    {
        if (age is not { } a)
        {
            return "never";
        }

        a = a < TimeSpan.Zero ? TimeSpan.Zero : a;
        return a.TotalMinutes < 1 ? Invariant($"{(int)a.TotalSeconds} s ago")
            : a.TotalHours < 1 ? Invariant($"{(int)a.TotalMinutes} min ago")
            : a.TotalDays < 1 ? Invariant($"{(int)a.TotalHours} h ago")
            : Invariant($"{(int)a.TotalDays} d ago");
    }

    private static (string, string) Scaled(double? value, string unit)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return (Unknown, unit);
        }

        double magnitude = Math.Abs(v);
        (double scaled, string prefix) = magnitude switch
        {
            < 999.5 => (v, ""),
            < 999_500 => (v / 1e3, "k"),
            < 999_500_000 => (v / 1e6, "M"),
            _ => (v / 1e9, "G"),
        };
        double m = Math.Abs(scaled);
        string format = prefix.Length == 0 ? "0" : m < 9.995 ? "0.00" : m < 99.95 ? "0.0" : "0";
        string number = scaled.ToString(format, CultureInfo.InvariantCulture);
        return (number == "-0" ? "0" : number, prefix + unit);
    }

    private static string Fixed(double? value, string format, string suffix) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) + suffix : Unknown + suffix;

    private static string Join((string Number, string Unit) parts) => parts.Number + " " + parts.Unit;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
