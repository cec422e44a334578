using SolarTap.Protocols.Display;
using SolarTap.Protocols.Readings;

namespace SolarTap.Supervisor.Display;

/// <summary>
/// The newest values of each inverter and its energy since local midnight, kept from the readings the journal
/// stores. Energy today is the inverter's lifetime counter now minus its first value on the same local day, so it
/// undercounts on a day the appliance started after the sun came up. Not thread-safe: one loop feeds and reads it.
/// </summary>
internal sealed class SiteValues
{
    /// <summary>An inverter with a reading younger than this counts as reporting (SolarEdge posts every 5 minutes).</summary>
    public static readonly TimeSpan ReportingWindow = TimeSpan.FromMinutes(15);

    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<string, Latest> _inverters = new(StringComparer.Ordinal);

    /// <summary>Values kept for days of <paramref name="zone"/> (the appliance's local time).</summary>
    public SiteValues(TimeZoneInfo zone)
    {
        _zone = zone;
    }

    /// <summary>Inverters seen, in the order of their serials.</summary>
    public IEnumerable<string> Serials => _inverters.Keys.Order(StringComparer.Ordinal);

    /// <summary>Takes <paramref name="reading"/> into account (readings of other device kinds are ignored).</summary>
    public void Observe(Reading reading)
    {
        if (reading.Device.Kind != DeviceKind.Inverter)
        {
            return;
        }

        Latest latest = _inverters.TryGetValue(reading.Device.Serial, out Latest? known) ? known : _inverters[reading.Device.Serial] = new Latest();
        if (reading.Get(Quantity.EnergyTotal) is { } total)
        {
            // The day's baseline is the smallest lifetime counter seen that local day.
            DateOnly day = LocalDay(reading.Timestamp);
            if (latest.BaselineDay is not { } baselineDay || day > baselineDay)
            {
                (latest.BaselineDay, latest.Baseline) = (day, total);
            }
            else if (day == baselineDay)
            {
                latest.Baseline = Math.Min(latest.Baseline, total);
            }
        }

        if (latest.Reading is null || reading.Timestamp >= latest.Reading.Timestamp)
        {
            latest.Reading = reading;
        }
    }

    /// <summary>The site page's values at <paramref name="now"/>.</summary>
    public SiteView Site(DateTimeOffset now)
    {
        var views = _inverters.Keys.Select(s => Inverter(s, now)).ToList();
        int reporting = views.Count(v => v.LastReadingAge is { } age && age < ReportingWindow);
        double? power = views.Any(v => v.PowerWatts.HasValue && v.LastReadingAge < ReportingWindow)
            ? views.Where(v => v.LastReadingAge < ReportingWindow).Sum(v => v.PowerWatts ?? 0)
            : null;
        double? energy = views.Any(v => v.EnergyTodayWattHours.HasValue) ? views.Sum(v => v.EnergyTodayWattHours ?? 0) : null;
        return new SiteView(power, energy, reporting, views.Count);
    }

    /// <summary>The inverter page's values for <paramref name="serial"/> at <paramref name="now"/>.</summary>
    public InverterView Inverter(string serial, DateTimeOffset now)
    {
        if (!_inverters.TryGetValue(serial, out Latest? latest) || latest.Reading is not { } reading)
        {
            return new InverterView(serial, null, null, null, null, null);
        }

        double? today = reading.Get(Quantity.EnergyTotal) is { } total && latest.BaselineDay == LocalDay(now) && LocalDay(reading.Timestamp) == latest.BaselineDay
            ? Math.Max(0, total - latest.Baseline)
            : null;
        TimeSpan age = now - reading.Timestamp;
        return new InverterView(
            serial,
            reading.Get(Quantity.AcPower),
            today,
            reading.Get(Quantity.DcVoltage),
            reading.Get(Quantity.Temperature),
            age < TimeSpan.Zero ? TimeSpan.Zero : age);
    }

    private DateOnly LocalDay(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, _zone).DateTime);

    private sealed class Latest
    {
        public Reading? Reading { get; set; }

        public DateOnly? BaselineDay { get; set; }

        public double Baseline { get; set; }
    }
}
