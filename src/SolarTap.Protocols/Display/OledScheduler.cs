namespace SolarTap.Protocols.Display;

/// <summary>
/// Page cycling and burn-in care for the OLED, as a pure state machine: the caller passes the time in and gets
/// an <see cref="OledDecision"/> out. Pages advance every <see cref="OledScheduleOptions.PageInterval"/> or on a
/// button press; the display blanks after <see cref="OledScheduleOptions.BlankAfterIdle"/> without a press (the
/// first press only wakes it); the contrast drops between the night times (read from the offset of the time
/// passed in, so pass local time); the frame moves round (0,0) → (1,0) → (1,1) → (0,1) one step per
/// <see cref="OledScheduleOptions.PixelShiftInterval"/>. Not thread-safe: drive it from one loop.
/// </summary>
public sealed class OledScheduler
{
    private static readonly (int X, int Y)[] ShiftSteps = [(0, 0), (1, 0), (1, 1), (0, 1)];

    private OledScheduleOptions _options;
    private readonly DateTimeOffset _start;
    private DateTimeOffset _pageShownAt;
    private DateTimeOffset _lastActivity;
    private int _pageIndex;
    private bool _blank;

    /// <summary>A scheduler starting on the first page at <paramref name="start"/>, awake.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public OledScheduler(OledScheduleOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _start = start;
        _pageShownAt = start;
        _lastActivity = start;
    }

    /// <summary>The page shown (or last shown, while blank).</summary>
    public int PageIndex => _pageIndex;

    /// <summary>How long each page stays; changed with <see cref="SetPageInterval"/>.</summary>
    public TimeSpan PageInterval => _options.PageInterval;

    /// <summary>Changes how long each page stays, from the next decision on (a setting changed while running).</summary>
    /// <exception cref="ArgumentException">The interval is not valid for these options.</exception>
    public void SetPageInterval(TimeSpan interval)
    {
        OledScheduleOptions changed = _options with { PageInterval = interval };
        changed.Validate();
        _options = changed;
    }

    /// <summary>
    /// A button press: wakes a blank display (showing the page it left), otherwise moves to the next page now.
    /// Either way the idle and page timers restart.
    /// </summary>
    public void ButtonPressed(DateTimeOffset now)
    {
        if (!_blank)
        {
            _pageIndex++;
        }

        Wake(now);
    }

    /// <summary>Something worth seeing happened (a new problem): wake the display and restart the idle timer, without changing page.</summary>
    public void Wake(DateTimeOffset now)
    {
        _blank = false;
        _lastActivity = now;
        _pageShownAt = now;
    }

    /// <summary>Shows the page at <paramref name="pageIndex"/> from now on (for example the problem page when one appears).</summary>
    public void ShowPage(int pageIndex, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageIndex);
        _pageIndex = pageIndex;
        Wake(now);
    }

    /// <summary>The decision for <paramref name="now"/>, advancing the page when its time is up.</summary>
    /// <param name="now">The time, with the local offset (night dimming reads its time of day).</param>
    /// <param name="pageCount">Pages in the cycle now (it changes as inverters come and go).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageCount"/> is below 1.</exception>
    public OledDecision Tick(DateTimeOffset now, int pageCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageCount, 1);
        if (now < _pageShownAt || now < _lastActivity)
        {
            // The clock stepped back (NTP after boot): restart the timers rather than freeze for the difference.
            _pageShownAt = now;
            _lastActivity = now;
        }

        if (!_blank && _options.BlankAfterIdle is { } idle && now - _lastActivity >= idle)
        {
            _blank = true;
        }

        _pageIndex %= pageCount;
        TimeSpan shown = now - _pageShownAt;
        if (!_blank && shown >= _options.PageInterval)
        {
            _pageIndex = (_pageIndex + 1) % pageCount;
            // Keep the cadence when ticks are a little late; start afresh after a long gap.
            _pageShownAt = shown < 2 * _options.PageInterval ? _pageShownAt + _options.PageInterval : now;
        }

        (int shiftX, int shiftY) = ShiftAt(now);
        return new OledDecision(!_blank, _pageIndex, IsNight(now) ? _options.NightContrast : _options.DayContrast, shiftX, shiftY);
    }

    /// <summary>Whether <paramref name="now"/>'s local time of day falls in the night window (which may span midnight).</summary>
    public bool IsNight(DateTimeOffset now)
    {
        if (_options.NightStart is not { } start || _options.NightEnd is not { } end || start == end)
        {
            return false;
        }

        var time = TimeOnly.FromTimeSpan(now.TimeOfDay);
        return start < end ? time >= start && time < end : time >= start || time < end;
    }

    private (int X, int Y) ShiftAt(DateTimeOffset now)
    {
        if (_options.PixelShiftInterval is not { } interval || now <= _start)
        {
            return (0, 0);
        }

        long step = (now - _start).Ticks / interval.Ticks;
        return ShiftSteps[step % ShiftSteps.Length];
    }
}
