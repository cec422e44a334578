using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class DisplayFormatTests
{
    [Theory]
    [InlineData(0.0, "0 W")]
    [InlineData(850.4, "850 W")]
    [InlineData(999.4, "999 W")]
    [InlineData(999.6, "1.00 kW")]
    [InlineData(3421.0, "3.42 kW")]
    [InlineData(34_210.0, "34.2 kW")]
    [InlineData(342_100.0, "342 kW")]
    [InlineData(1_230_000.0, "1.23 MW")]
    [InlineData(-0.2, "0 W")]
    [InlineData(-1500.0, "-1.50 kW")]
    [InlineData(double.NaN, "-- W")]
    [InlineData(null, "-- W")]
    public void Power_ThreeSignificantDigitsWithPrefix(double? watts, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Power(watts));
    }

    [Theory]
    [InlineData(999.0, "999 Wh")]
    [InlineData(12_437.0, "12.4 kWh")]
    [InlineData(double.PositiveInfinity, "-- Wh")]
    public void Energy_ThreeSignificantDigitsWithPrefix(double wattHours, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Energy(wattHours));
    }

    [Fact]
    public void OtherValues_AreShortAndInvariant()
    {
        Assert.Equal("385.2 V", DisplayFormat.Voltage(385.24));
        Assert.Equal("48.2\u00B0C", DisplayFormat.Temperature(48.15));
        Assert.Equal("--\u00B0C", DisplayFormat.Temperature(null));
        Assert.Equal("1,234,567", DisplayFormat.Count(1_234_567));
    }

    [Theory]
    [InlineData(75, "00:01:15")]
    [InlineData(86_399, "23:59:59")]
    [InlineData(3 * 86_400 + 4 * 3600 + 12 * 60 + 5, "3d 04:12")]
    [InlineData(-5, "00:00:00")]
    public void Uptime_HoursMinutesSecondsThenDays(int seconds, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Uptime(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(42, "42 s ago")]
    [InlineData(180, "3 min ago")]
    [InlineData(7300, "2 h ago")]
    [InlineData(400_000, "4 d ago")]
    public void Age_LargestWholeUnit(int seconds, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Age(TimeSpan.FromSeconds(seconds)));
        Assert.Equal("never", DisplayFormat.Age(null));
    }
}
