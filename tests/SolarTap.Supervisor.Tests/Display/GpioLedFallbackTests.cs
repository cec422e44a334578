using System.Net;
using SolarTap.Devices.Leds;
using SolarTap.Protocols.Display;
using SolarTap.Supervisor.Display;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Display;

/// <summary>
/// The GPIO-line fallback: a status state drives the link LED through <see cref="TimerBlinker"/> on a manual
/// clock, and the line sees exactly the edges of the pattern.
/// </summary>
public class GpioLedFallbackTests
{
    private sealed class RecordingLine(TimerClock clock) : IOnOffOutput
    {
        public List<(TimeSpan At, bool Lit)> Writes { get; } = [];

        public DateTimeOffset Start { get; set; } = clock.GetUtcNow();

        public void Write(bool lit) => Writes.Add((clock.GetUtcNow() - Start, lit));
    }

    private static (StatusModel Model, RecordingLine Line, StatusIndicator Indicator, TimerClock Clock) Build()
    {
        var clock = new TimerClock(new DateTimeOffset(2026, 6, 21, 12, 0, 0, TimeSpan.Zero));
        var line = new RecordingLine(clock);
        var blinker = new TimerBlinker(line, clock, "link");
        var leds = new StatusLeds(null, blinker, null, null);
        return (new StatusModel(clock), line, new StatusIndicator(leds, null, null), clock);
    }

    private static void Refresh(StatusModel model, StatusIndicator indicator, TimerClock clock) =>
        indicator.Refresh(model.Snapshot(), new SiteValues(TimeZoneInfo.Utc), new ApplianceView(null, [], TimeSpan.Zero, null, null), clock.GetUtcNow());

    [Fact]
    public void LeaseOnly_LineTogglesEverySecond()
    {
        (StatusModel model, RecordingLine line, StatusIndicator indicator, TimerClock clock) = Build();
        model.InverterOnLink(Protocols.Net.MacAddress.Parse("00:27:02:1a:08:23"), IPAddress.Parse("192.168.50.100"), null);
        Refresh(model, indicator, clock);

        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(InverterLinkState.LeaseOnly, indicator.LastIndication!.Link);
        Assert.Equal(
            [(TimeSpan.Zero, true), (TimeSpan.FromSeconds(1), false), (TimeSpan.FromSeconds(2), true), (TimeSpan.FromSeconds(3), false), (TimeSpan.FromSeconds(4), true)],
            line.Writes);
    }

    [Fact]
    public void TlsFirmware_LineTogglesEveryTenthOfASecond()
    {
        (StatusModel model, RecordingLine line, StatusIndicator indicator, TimerClock clock) = Build();
        model.InverterFirmwareSeen("7E100001", IPAddress.Parse("192.168.50.100"), InverterFirmware.Tls);
        Refresh(model, indicator, clock);

        clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal([true, false, true, false], line.Writes.Select(w => w.Lit));
        Assert.Equal(TimeSpan.FromMilliseconds(300), line.Writes[^1].At);
    }

    [Fact]
    public void DataFlowing_LineSteadyOnAndNoTimerLeft()
    {
        (StatusModel model, RecordingLine line, StatusIndicator indicator, TimerClock clock) = Build();
        model.InverterOnLink(Protocols.Net.MacAddress.Parse("00:27:02:1a:08:23"), IPAddress.Parse("192.168.50.100"), null);
        Refresh(model, indicator, clock);
        model.InverterPosted("7E100001", IPAddress.Parse("192.168.50.100"), 5);
        Refresh(model, indicator, clock);
        line.Writes.Clear();

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(line.Writes);
        Assert.Equal(0, clock.ScheduledTimers);
    }
}
