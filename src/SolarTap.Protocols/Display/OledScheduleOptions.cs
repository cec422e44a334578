namespace SolarTap.Protocols.Display;

/// <summary>When pages change and how the OLED is spared burn-in (issue 7 §2).</summary>
public sealed record OledScheduleOptions
{
    /// <summary>Time each page stays before the next; at least one second.</summary>
    public TimeSpan PageInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Blank the display after this long without a button press; null never blanks.</summary>
    public TimeSpan? BlankAfterIdle { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Local time night starts (dimmed); null with <see cref="NightEnd"/> never dims.</summary>
    public TimeOnly? NightStart { get; init; } = new(22, 0);

    /// <summary>Local time night ends.</summary>
    public TimeOnly? NightEnd { get; init; } = new(6, 30);

    /// <summary>Contrast by day (SSD1306 81h value).</summary>
    public byte DayContrast { get; init; } = 0xCF;

    /// <summary>Contrast at night.</summary>
    public byte NightContrast { get; init; } = 0x08;

    /// <summary>Move the image by one pixel this often, round a 2×2 square; null never moves it.</summary>
    public TimeSpan? PixelShiftInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">An interval is too short, or only one end of the night is set.</exception>
    public void Validate()
    {
        if (PageInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"The page interval must be at least one second, not {PageInterval}.");
        }

        if (BlankAfterIdle is { } idle && idle < TimeSpan.FromSeconds(10))
        {
            throw new ArgumentException($"The idle time before blanking must be at least 10 seconds, not {idle}.");
        }

        if (NightStart.HasValue != NightEnd.HasValue)
        {
            throw new ArgumentException("Night dimming needs both a start and an end time, or neither.");
        }

        if (PixelShiftInterval is { } shift && shift < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"The pixel shift interval must be at least one second, not {shift}.");
        }
    }
}
