namespace SolarTap.Supervisor.Simulation;

/// <summary>A plausible clear-sky day: no power at night, a smooth bell at local noon, longer days in summer.</summary>
public static class SunCurve
{
    /// <summary>The fraction of rated power (0..1) at local time <paramref name="local"/> (northern hemisphere).</summary>
    public static double Fraction(DateTime local)
    {
        // Day length 8 h (winter solstice) .. 16 h (summer solstice), centred on 12:00.
        double season = Math.Sin(2 * Math.PI * (local.DayOfYear - 80) / 365.0);
        double dayLength = 12 + (4 * season);
        double hour = local.TimeOfDay.TotalHours;
        double sunrise = 12 - (dayLength / 2);
        if (hour <= sunrise || hour >= sunrise + dayLength)
        {
            return 0;
        }

        double elevation = Math.Sin(Math.PI * (hour - sunrise) / dayLength);
        double peak = 0.75 + (0.2 * season); // lower sun in winter
        return peak * Math.Pow(elevation, 1.3);
    }
}
