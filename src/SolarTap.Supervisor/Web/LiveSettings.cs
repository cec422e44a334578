namespace SolarTap.Supervisor.Web;

/// <summary>
/// Settings that can be changed while the appliance runs (from the web page, with the password). They last until the
/// supervisor restarts; solartap.yaml is never rewritten. The OLED page cycle reads <see cref="DisplayPageInterval"/>.
/// </summary>
public sealed class LiveSettings
{
    /// <summary>Shortest page interval accepted.</summary>
    public static readonly TimeSpan MinPageInterval = TimeSpan.FromSeconds(2);

    /// <summary>Longest page interval accepted.</summary>
    public static readonly TimeSpan MaxPageInterval = TimeSpan.FromSeconds(60);

    private long _pageIntervalTicks;

    /// <summary>Settings starting at the 5 s default.</summary>
    public LiveSettings()
        : this(TimeSpan.FromSeconds(5))
    {
    }

    /// <summary>Settings starting at the configured page interval (<c>oled.page_interval</c>), kept within the accepted range.</summary>
    public LiveSettings(TimeSpan pageInterval)
    {
        _pageIntervalTicks = Math.Clamp(pageInterval.Ticks, MinPageInterval.Ticks, MaxPageInterval.Ticks);
    }

    /// <summary>Raised after a setting changed.</summary>
    public event EventHandler? Changed;

    /// <summary>How long each OLED page shows before the next one.</summary>
    public TimeSpan DisplayPageInterval => TimeSpan.FromTicks(Interlocked.Read(ref _pageIntervalTicks));

    /// <summary>Sets <see cref="DisplayPageInterval"/>; false (and no change) outside <see cref="MinPageInterval"/>..<see cref="MaxPageInterval"/>.</summary>
    public bool TrySetDisplayPageInterval(TimeSpan interval)
    {
        if (interval < MinPageInterval || interval > MaxPageInterval)
        {
            return false;
        }

        Interlocked.Exchange(ref _pageIntervalTicks, interval.Ticks);
        Changed?.Invoke(this, EventArgs.Empty);
        return true;
    }
}
