namespace SolarTap.Protocols.Display;

/// <summary>How an OLED module is built: its controller, visible size and where the panel sits in the controller's RAM.</summary>
public sealed record OledPanel
{
    /// <summary>The controller chip.</summary>
    public OledController Controller { get; init; } = OledController.Ssd1306;

    /// <summary>Visible columns.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Visible rows: 16 to 64, a multiple of 8.</summary>
    public int Height { get; init; } = 64;

    /// <summary>
    /// RAM column of the panel's first visible column; null means the controller's usual value (0 for SSD1306,
    /// 2 for SH1106, whose 132-column RAM is wider than the 128-column glass).
    /// </summary>
    public int? ColumnOffset { get; init; }

    /// <summary>Mounted upside down: use the unmapped segment and COM scan order instead of the usual remapped one.</summary>
    public bool Rotate180 { get; init; }

    /// <summary>The panel's high voltage comes from an external VCC supply rather than the on-chip charge pump / DC-DC converter.</summary>
    public bool ExternalVcc { get; init; }

    /// <summary>The 128×64 SSD1306 module.</summary>
    public static OledPanel Ssd1306Module { get; } = new();

    /// <summary>The 128×64 SH1106 module (1.3-inch).</summary>
    public static OledPanel Sh1106Module { get; } = new() { Controller = OledController.Sh1106 };

    /// <summary>Columns of the controller's display RAM.</summary>
    public int RamColumns => Controller == OledController.Sh1106 ? 132 : 128;

    /// <summary>The RAM column of visible column 0.</summary>
    public int EffectiveColumnOffset => ColumnOffset ?? (Controller == OledController.Sh1106 ? 2 : 0);

    /// <summary>Pages of 8 rows.</summary>
    public int PageCount => Height / 8;

    /// <summary>Throws when the panel does not fit its controller.</summary>
    /// <exception cref="ArgumentException">A size or the offset is out of range.</exception>
    public void Validate()
    {
        if (Height is < 16 or > 64 || Height % 8 != 0)
        {
            throw new ArgumentException($"An OLED height must be 16 to 64 rows in steps of 8, not {Height}.");
        }

        if (Width < 1 || EffectiveColumnOffset < 0 || EffectiveColumnOffset + Width > RamColumns)
        {
            throw new ArgumentException($"{Width} columns from RAM column {EffectiveColumnOffset} do not fit the {RamColumns}-column RAM of {Controller}.");
        }
    }
}
