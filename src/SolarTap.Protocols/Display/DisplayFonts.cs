namespace SolarTap.Protocols.Display;

/// <summary>The fonts of the OLED pages.</summary>
public static class DisplayFonts
{
    /// <summary>
    /// 5×7 text with a descender row: 8 rows, 1 column between glyphs (6 columns per character, 21 characters on
    /// a 128-pixel line), 10 rows per line. Unknown characters draw as □.
    /// </summary>
    public static BitmapFont Small { get; } = new("small 5x7", SmallFontData.Height, spacing: 1, lineHeight: 10, SmallFontData.Glyphs(), '\u25A1');

    /// <summary>10×16 digits, '.', '-' and ' ' for the headline number; other characters draw as a space.</summary>
    public static BitmapFont LargeDigits { get; } = new("large digits 10x16", LargeDigitFontData.Height, spacing: 2, lineHeight: 18, LargeDigitFontData.Glyphs(), ' ');
}
