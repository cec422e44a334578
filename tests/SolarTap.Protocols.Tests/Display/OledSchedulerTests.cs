using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class OledSchedulerTests
{
    // Noon local time (UTC+2), so neither night nor a date change interferes unless a test wants it.
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));

    private static readonly OledScheduleOptions Options = new();

    [Fact]
    public void Tick_EveryPageInterval_AdvancesOnePageAndWraps()
    {
        var scheduler = new OledScheduler(Options, Start);

        int[] pages = Enumerable.Range(0, 16).Select(s => scheduler.Tick(Start.AddSeconds(s), 3).PageIndex).ToArray();

        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0], pages);
    }

    [Fact]
    public void SetPageInterval_WhileRunning_TheNewIntervalFromTheCurrentPageOn()
    {
        var scheduler = new OledScheduler(Options, Start);
        Assert.Equal(0, scheduler.Tick(Start.AddSeconds(1), 3).PageIndex);

        scheduler.SetPageInterval(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), scheduler.PageInterval);
        int[] pages = Enumerable.Range(2, 6).Select(s => scheduler.Tick(Start.AddSeconds(s), 3).PageIndex).ToArray();
        Assert.Equal([1, 1, 2, 2, 0, 0], pages);
        Assert.Throws<ArgumentException>(() => scheduler.SetPageInterval(TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(2), scheduler.PageInterval);
    }

    [Fact]
    public void Tick_LateTicks_KeepTheCadence()
    {
        var scheduler = new OledScheduler(Options, Start);

        Assert.Equal(1, scheduler.Tick(Start.AddSeconds(5.9), 5).PageIndex);
        Assert.Equal(2, scheduler.Tick(Start.AddSeconds(10.1), 5).PageIndex);
    }

    [Fact]
    public void ButtonPressed_AdvancesAtOnceAndRestartsThePageTimer()
    {
        var scheduler = new OledScheduler(Options, Start);
        scheduler.Tick(Start.AddSeconds(4), 4);

        scheduler.ButtonPressed(Start.AddSeconds(4));

        Assert.Equal(1, scheduler.Tick(Start.AddSeconds(4), 4).PageIndex);
        Assert.Equal(1, scheduler.Tick(Start.AddSeconds(8.5), 4).PageIndex);
        Assert.Equal(2, scheduler.Tick(Start.AddSeconds(9), 4).PageIndex);
    }

    [Fact]
    public void Tick_IdleLongerThanTheBlankTime_BlanksAndStopsCycling()
    {
        var scheduler = new OledScheduler(Options, Start);

        OledDecision before = scheduler.Tick(Start.AddMinutes(10).AddSeconds(-1), 4);
        OledDecision blank = scheduler.Tick(Start.AddMinutes(10), 4);
        OledDecision later = scheduler.Tick(Start.AddMinutes(11), 4);

        Assert.True(before.DisplayOn);
        Assert.False(blank.DisplayOn);
        Assert.False(later.DisplayOn);
        Assert.Equal(blank.PageIndex, later.PageIndex);
    }

    [Fact]
    public void ButtonPressed_WhileBlank_WakesOnTheSamePage()
    {
        var scheduler = new OledScheduler(Options, Start);
        int page = scheduler.Tick(Start.AddMinutes(10), 4).PageIndex;
        DateTimeOffset press = Start.AddMinutes(20);

        scheduler.ButtonPressed(press);
        OledDecision woken = scheduler.Tick(press, 4);

        Assert.True(woken.DisplayOn);
        Assert.Equal(page, woken.PageIndex);
        Assert.True(scheduler.Tick(press.AddMinutes(9), 4).DisplayOn);
        Assert.False(scheduler.Tick(press.AddMinutes(10), 4).DisplayOn);
    }

    [Fact]
    public void Tick_NoBlankTime_NeverBlanks()
    {
        var scheduler = new OledScheduler(Options with { BlankAfterIdle = null }, Start);

        Assert.True(scheduler.Tick(Start.AddDays(3), 4).DisplayOn);
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(6, 29, true)]
    [InlineData(6, 30, false)]
    [InlineData(12, 0, false)]
    public void Tick_NightWindowAcrossMidnight_DimsByLocalTime(int hour, int minute, bool night)
    {
        var now = new DateTimeOffset(2025, 6, 1, hour, minute, 0, TimeSpan.FromHours(2));
        var scheduler = new OledScheduler(Options with { BlankAfterIdle = null }, now);

        OledDecision decision = scheduler.Tick(now, 1);

        Assert.Equal(night ? Options.NightContrast : Options.DayContrast, decision.Contrast);
    }

    [Fact]
    public void IsNight_WindowWithinADay_AndNoWindow()
    {
        var day = new OledScheduler(Options with { NightStart = new(1, 0), NightEnd = new(5, 0) }, Start);
        var never = new OledScheduler(Options with { NightStart = null, NightEnd = null }, Start);

        Assert.True(day.IsNight(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.Zero)));
        Assert.False(day.IsNight(new DateTimeOffset(2025, 6, 1, 23, 0, 0, TimeSpan.Zero)));
        Assert.False(never.IsNight(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Tick_PixelShift_WalksRoundASquareOneStepPerInterval()
    {
        var scheduler = new OledScheduler(Options with { BlankAfterIdle = null }, Start);

        (int, int)[] shifts = Enumerable.Range(0, 5)
            .Select(i => scheduler.Tick(Start.AddMinutes(2 * i).AddSeconds(1), 1))
            .Select(d => (d.ShiftX, d.ShiftY))
            .ToArray();

        Assert.Equal([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)], shifts);
    }

    [Fact]
    public void Tick_NoPixelShift_StaysPut()
    {
        var scheduler = new OledScheduler(Options with { PixelShiftInterval = null }, Start);

        OledDecision decision = scheduler.Tick(Start.AddMinutes(3), 1);

        Assert.Equal((0, 0), (decision.ShiftX, decision.ShiftY));
    }

    [Fact]
    public void Tick_ClockSteppedBack_RestartsTimersInsteadOfFreezing()
    {
        var scheduler = new OledScheduler(Options, Start);
        DateTimeOffset earlier = Start.AddHours(-1);

        Assert.True(scheduler.Tick(earlier, 3).DisplayOn);
        Assert.Equal(1, scheduler.Tick(earlier.AddSeconds(5), 3).PageIndex);
    }

    [Fact]
    public void Tick_FewerPagesThanTheIndex_Wraps()
    {
        var scheduler = new OledScheduler(Options, Start);
        scheduler.ShowPage(6, Start);

        Assert.Equal(0, scheduler.Tick(Start, 3).PageIndex);
    }

    [Fact]
    public void Wake_RestartsIdleWithoutChangingPage()
    {
        var scheduler = new OledScheduler(Options, Start);
        scheduler.Tick(Start.AddMinutes(10), 4);

        scheduler.Wake(Start.AddMinutes(12));

        OledDecision decision = scheduler.Tick(Start.AddMinutes(12), 4);
        Assert.True(decision.DisplayOn);
    }

    [Fact]
    public void Constructor_BadOptions_Throw()
    {
        Assert.Throws<ArgumentException>(() => new OledScheduler(Options with { PageInterval = TimeSpan.Zero }, Start));
        Assert.Throws<ArgumentException>(() => new OledScheduler(Options with { NightEnd = null }, Start));
        Assert.Throws<ArgumentException>(() => new OledScheduler(Options with { BlankAfterIdle = TimeSpan.FromSeconds(1) }, Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OledScheduler(Options, Start).Tick(Start, 0));
    }
}
