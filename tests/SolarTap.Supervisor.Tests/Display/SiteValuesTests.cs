using SolarTap.Protocols.Display;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Display;

namespace SolarTap.Supervisor.Tests.Display;

public class SiteValuesTests
{
    private static readonly DateTimeOffset Morning = new(2026, 6, 21, 8, 0, 0, TimeSpan.Zero);

    private static Reading Inverter(string serial, DateTimeOffset at, double power, double energyTotal) =>
        new(new DeviceIdentity(DeviceKind.Inverter, serial), at, [new Measurement(Quantity.AcPower, power), new Measurement(Quantity.EnergyTotal, energyTotal)]);

    [Fact]
    public void Site_TwoInvertersReporting_SumsPowerAndTodaysEnergy()
    {
        var values = new SiteValues(TimeZoneInfo.Utc);
        values.Observe(Inverter("A", Morning, 100, 10_000));
        values.Observe(Inverter("A", Morning.AddHours(4), 3000, 16_000));
        values.Observe(Inverter("B", Morning.AddHours(4), 2000, 50_500));
        values.Observe(Inverter("B", Morning.AddHours(1), 500, 50_000)); // replayed late: lowers B's baseline, not its newest values

        SiteView site = values.Site(Morning.AddHours(4).AddMinutes(1));

        Assert.Equal(5000, site.PowerWatts);
        Assert.Equal(6000 + 500, site.EnergyTodayWattHours);
        Assert.Equal(2, site.InvertersReporting);
        Assert.Equal(2, site.InvertersKnown);
    }

    [Fact]
    public void Inverter_NextDay_EnergyTodayStartsAgain()
    {
        var values = new SiteValues(TimeZoneInfo.Utc);
        values.Observe(Inverter("A", Morning, 100, 10_000));
        values.Observe(Inverter("A", Morning.AddHours(10), 100, 30_000));
        values.Observe(Inverter("A", Morning.AddDays(1), 200, 30_100));

        InverterView view = values.Inverter("A", Morning.AddDays(1).AddMinutes(5));

        Assert.Equal(0, view.EnergyTodayWattHours);
        Assert.Equal(200, view.PowerWatts);
        Assert.Equal(TimeSpan.FromMinutes(5), view.LastReadingAge);
    }

    [Fact]
    public void Site_LastReadingOlderThanTheWindow_NotReportingAndNoPower()
    {
        var values = new SiteValues(TimeZoneInfo.Utc);
        values.Observe(Inverter("A", Morning, 100, 10_000));

        SiteView site = values.Site(Morning + SiteValues.ReportingWindow);

        Assert.Null(site.PowerWatts);
        Assert.Equal(0, site.InvertersReporting);
        Assert.Equal(1, site.InvertersKnown);
    }

    [Fact]
    public void Observe_OptimizerReading_IsIgnored()
    {
        var values = new SiteValues(TimeZoneInfo.Utc);
        values.Observe(new Reading(new DeviceIdentity(DeviceKind.Optimizer, "O1", "A"), Morning, [new Measurement(Quantity.AcPower, 1)]));

        Assert.Empty(values.Serials);
    }
}
