namespace SolarTap.Protocols.Display;

/// <summary>The controller chip of a 1-bit OLED module.</summary>
public enum OledController
{
    /// <summary>Solomon Systech SSD1306: 128×64 RAM, horizontal/vertical/page addressing, charge pump 8Dh.</summary>
    Ssd1306,

    /// <summary>Sino Wealth SH1106: 132×64 RAM (a 128-column panel usually starts at column 2), page addressing only, DC-DC ADh.</summary>
    Sh1106,
}
