using SolarTap.Linux.Gpio;
using SolarTap.Protocols.Display;

namespace SolarTap.Supervisor.Configuration;

/// <summary>The OLED and its page button (YAML section <c>oled</c>; docs/status.md).</summary>
public sealed class OledOptions
{
    /// <summary>The I2C bus device (<c>bus</c>), or null for no display (<c>none</c>). Default /dev/i2c-1, the header's pins 3 and 5.</summary>
    public string? Bus { get; set; } = "/dev/i2c-1";

    /// <summary>The display's 7-bit I2C address (<c>address</c>). Default 0x3C.</summary>
    public int Address { get; set; } = 0x3C;

    /// <summary>The controller (<c>controller</c>: ssd1306 or sh1106). Default ssd1306.</summary>
    public OledController Controller { get; set; } = OledController.Ssd1306;

    /// <summary>The module is mounted upside down (<c>rotate</c>). Default false.</summary>
    public bool Rotate180 { get; set; }

    /// <summary>The page button's GPIO line (<c>button</c>), or null (<c>none</c>). Default the line named GPIO26.</summary>
    public GpioLineAddress? Button { get; set; } = GpioLineAddress.Named("GPIO26");

    /// <summary>Time each page stays (<c>page_interval</c>). Default 5 s.</summary>
    public TimeSpan PageInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Blank after this long without a press (<c>blank_after</c>), or null (<c>never</c>). Default 10 min.</summary>
    public TimeSpan? BlankAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Local time the display dims (<c>night</c>, <c>22:00-06:30</c>), or null (<c>off</c>).</summary>
    public TimeOnly? NightStart { get; set; } = new(22, 0);

    /// <summary>Local time the display brightens again.</summary>
    public TimeOnly? NightEnd { get; set; } = new(6, 30);

    /// <summary>Also write each new frame as a PNG to this file (<c>png</c>), or null. For a look without hardware.</summary>
    public string? PngFile { get; set; }

    /// <summary>
    /// True when the file has an <c>oled</c> section: then a missing bus, display or button is a problem shown on the
    /// status surfaces. Without one, the display is used when it answers and quietly left out otherwise.
    /// </summary>
    public bool Required { get; set; }

    /// <summary>The scheduler's options.</summary>
    public OledScheduleOptions ToSchedule() => new()
    {
        PageInterval = PageInterval,
        BlankAfterIdle = BlankAfter,
        NightStart = NightStart,
        NightEnd = NightEnd,
    };
}
