using SolarTap.Devices.Leds;

namespace SolarTap.Devices.Tests.Leds;

public class TimerBlinkerTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TimerClock _time = new(Start);
    private readonly RecordingOutput _output;

    public TimerBlinkerTests() => _output = new RecordingOutput(_time);

    [Fact]
    public void SetTimerTrigger_TogglesAtTheGivenTimes()
    {
        using var blinker = new TimerBlinker(_output, _time, "link");

        blinker.SetTimerTrigger(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
        _time.Advance(TimeSpan.FromMilliseconds(850));

        Assert.Equal([(0, true), (100, false), (400, true), (500, false), (800, true)], _output.Edges);
    }

    [Fact]
    public void Heartbeat_TwoShortFlashesPerPeriod()
    {
        using var blinker = new TimerBlinker(_output, _time, "power");

        blinker.SetTrigger(LedTriggers.Heartbeat);
        _time.Advance(TimeSpan.FromMilliseconds(1300));

        Assert.Equal([(0, true), (70, false), (315, true), (385, false), (1260, true)], _output.Edges);
    }

    [Fact]
    public void SetBrightness_StopsBlinkingAndHoldsTheLevel()
    {
        using var blinker = new TimerBlinker(_output, _time, "link");
        blinker.SetTimerTrigger(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromMilliseconds(150));

        blinker.SetBrightness(blinker.MaxBrightness);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([(0, true), (100, false), (150, true)], _output.Edges);
        Assert.Equal(0, _time.ScheduledTimers);
    }

    [Fact]
    public void NewPattern_ReplacesTheOldOneWithoutExtraEdges()
    {
        using var blinker = new TimerBlinker(_output, _time, "link");
        blinker.SetTimerTrigger(TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(1000));
        _time.Advance(TimeSpan.FromMilliseconds(500));

        blinker.SetTimerTrigger(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.Equal([(0, true), (500, true), (600, false), (700, true)], _output.Edges);
        Assert.Equal(1, _time.ScheduledTimers);
    }

    [Fact]
    public void Triggers_NoneAndDefaultOnAndUnknown()
    {
        using var blinker = new TimerBlinker(_output, _time, "error");

        blinker.SetTrigger(LedTriggers.DefaultOn);
        blinker.SetTrigger(LedTriggers.None);

        Assert.Equal([(0, true), (0, false)], _output.Edges);
        Assert.Throws<NotSupportedException>(() => blinker.SetTrigger("mmc0"));
    }

    [Fact]
    public void Dispose_StopsAndDarkens()
    {
        var blinker = new TimerBlinker(_output, _time, "link");
        blinker.SetTrigger(LedTriggers.Timer);

        blinker.Dispose();
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal([(0, true), (0, false)], _output.Edges);
        Assert.Equal(0, _time.ScheduledTimers);
        Assert.Throws<ObjectDisposedException>(() => blinker.SetTrigger(LedTriggers.Heartbeat));
    }

    [Fact]
    public void LedPatterns_DriveTheFallbackToo()
    {
        using var blinker = new TimerBlinker(_output, _time, "link");

        LedPatterns.FastBlink.ApplyTo(blinker);
        _time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.Equal([(0, true), (100, false), (200, true)], _output.Edges);
    }

    [Fact]
    public void OutputFailingInATimerCallback_IsLoggedOnceAndThePatternCarriesOn()
    {
        var log = new ListLogger<TimerBlinker>();
        using var blinker = new TimerBlinker(_output, _time, "link", log);
        blinker.SetTimerTrigger(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

        _output.Failing = true;
        _time.Advance(TimeSpan.FromMilliseconds(350));
        _output.Failing = false;
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal([(0, true), (400, true)], _output.Edges);
        Assert.Single(log.Entries);
    }

    /// <summary>Records every level written, with the manual clock's time in milliseconds since the start.</summary>
    private sealed class RecordingOutput(TimeProvider time) : IOnOffOutput
    {
        public List<(int Milliseconds, bool Lit)> Edges { get; } = [];

        public bool Failing { get; set; }

        public void Write(bool lit)
        {
            if (Failing)
            {
                throw new IOException("GPIO line gone");
            }

            Edges.Add(((int)(time.GetUtcNow() - Start).TotalMilliseconds, lit));
        }
    }
}
