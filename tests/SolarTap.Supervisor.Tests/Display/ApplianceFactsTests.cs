using SolarTap.Supervisor.Display;

namespace SolarTap.Supervisor.Tests.Display;

public sealed class ApplianceFactsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CpuTemperature_Millidegrees_IsDegrees()
    {
        Assert.Equal(48.312, ApplianceFacts.CpuTemperature(_temp.Write("temp", "48312\n")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hot\n")]
    public void CpuTemperature_Unreadable_IsNull(string text)
    {
        Assert.Null(ApplianceFacts.CpuTemperature(_temp.Write("temp", text)));
        Assert.Null(ApplianceFacts.CpuTemperature(_temp.File("missing")));
    }

    [Fact]
    public void Read_UptimeFromTheStartAndTemperatureFromTheZone()
    {
        var started = new DateTimeOffset(2026, 6, 21, 6, 0, 0, TimeSpan.Zero);
        var facts = new ApplianceFacts(started, _temp.Write("temp", "51000"));

        Protocols.Display.ApplianceView view = facts.Read(started.AddHours(2));

        Assert.Equal(TimeSpan.FromHours(2), view.Uptime);
        Assert.Equal(51.0, view.CpuTemperatureCelsius);
        Assert.DoesNotContain("127.0.0.1", view.Addresses);
    }
}
