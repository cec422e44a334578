using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Oled;

/// <summary>
/// Puts the status on the OLED: on each <see cref="Update"/> it asks the <see cref="OledScheduler"/> what to show,
/// renders that page, applies the burn-in shift and night contrast, and blanks or wakes the panel. When problems
/// appear, the problem page is shown at once and the display wakes. The driver skips unchanged frames, so calling
/// this once a second costs no bus traffic while nothing changes. Not thread-safe: call it from one loop (and
/// <see cref="ButtonPressed"/> from the same loop).
/// </summary>
public sealed class OledPresenter
{
    private readonly Ssd1306Display _display;
    private readonly OledScheduler _scheduler;
    private readonly MonoFramebuffer _frame;
    private int _problemCount;

    /// <summary>A presenter drawing on <paramref name="display"/> (already initialised) as <paramref name="scheduler"/> decides.</summary>
    public OledPresenter(Ssd1306Display display, OledScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(scheduler);
        _display = display;
        _scheduler = scheduler;
        _frame = new MonoFramebuffer(display.Panel.Width, display.Panel.Height);
    }

    /// <summary>The last decision taken.</summary>
    public OledDecision LastDecision { get; private set; }

    /// <summary>The page the panel shows (or showed before blanking).</summary>
    public OledPage? CurrentPage { get; private set; }

    /// <summary>The frame last rendered (after the shift).</summary>
    public MonoFramebuffer Frame => _frame;

    /// <summary>The page button was pressed.</summary>
    public void ButtonPressed(DateTimeOffset localNow) => _scheduler.ButtonPressed(localNow);

    /// <summary>Changes how long each page stays (a setting changed from the web page).</summary>
    public void SetPageInterval(TimeSpan interval) => _scheduler.SetPageInterval(interval);

    /// <summary>Brings the panel up to date with <paramref name="view"/> at <paramref name="localNow"/> (local time: night dimming reads it).</summary>
    /// <exception cref="IOException">The I2C bus failed; initialise the display again before the next update.</exception>
    public void Update(OledStatusView view, DateTimeOffset localNow)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Problems.Count > _problemCount)
        {
            _scheduler.ShowPage(0, localNow); // the problem page leads the cycle
        }

        _problemCount = view.Problems.Count;
        OledDecision decision = _scheduler.Tick(localNow, OledPageRenderer.Pages(view).Count);
        LastDecision = decision;
        if (!decision.DisplayOn)
        {
            if (_display.IsOn)
            {
                _display.Off();
            }

            return;
        }

        CurrentPage = OledPageRenderer.Render(_frame, view, decision.PageIndex);
        _frame.Shift(decision.ShiftX, decision.ShiftY);
        _display.SetContrast(decision.Contrast);
        _display.Show(_frame);
        if (!_display.IsOn)
        {
            _display.On();
        }
    }
}
