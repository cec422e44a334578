using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class BitmapFontTests
{
    private static BitmapFont Small => DisplayFonts.Small;

    [Fact]
    public void Small_HasEveryPrintableAsciiGlyphAndTheExtras()
    {
        char[] missing = Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Concat("\u00B0\u2191\u2193\u2026\u25A1").Where(c => !Small.HasGlyph(c)).ToArray();

        Assert.Empty(missing);
        Assert.Equal(95 + 5, Small.Characters.Count());
    }

    [Fact]
    public void Small_EveryGlyphIsFiveColumnsWide()
    {
        Assert.All(Small.Characters, c => Assert.Equal(5, Small.GlyphWidth(c)));
    }

    [Fact]
    public void Small_GlyphsAreDistinct()
    {
        var duplicates = Small.Characters
            .GroupBy(c => string.Join(",", Small.Columns(c).ToArray()))
            .Where(g => g.Count() > 1)
            .Select(g => string.Concat(g))
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Small_OnlyDescendersUseTheBottomRow()
    {
        string descenders = string.Concat(Small.Characters.Where(c => Small.Columns(c).ToArray().Any(column => (column & 0x80) != 0)));

        Assert.Equal(",_gjpqy", descenders);
    }

    [Fact]
    public void Small_OnlySpaceIsBlank()
    {
        Assert.Equal([' '], Small.Characters.Where(c => Small.Columns(c).ToArray().All(column => column == 0)));
    }

    [Fact]
    public void Small_LetterA_MatchesItsArt()
    {
        // .###.  #...#  #...#  #####  #...#  #...#  #...#  as columns, bit 0 = top row
        Assert.Equal(new ushort[] { 0x7E, 0x09, 0x09, 0x09, 0x7E }, Small.Columns('A').ToArray());
    }

    [Fact]
    public void MissingCharacter_DrawsTheFallbackBox()
    {
        Assert.False(Small.HasGlyph('\u00E9'));
        Assert.Equal(Small.Columns('\u25A1').ToArray(), Small.Columns('\u00E9').ToArray());
        Assert.Equal(Small.Columns('\u25A1').ToArray(), Small.Columns('\n').ToArray());
    }

    [Fact]
    public void MeasureWidth_AddsSpacingBetweenGlyphsOnly()
    {
        Assert.Equal(0, Small.MeasureWidth(""));
        Assert.Equal(5, Small.MeasureWidth("x"));
        Assert.Equal((21 * 6) - 1, Small.MeasureWidth(new string('M', 21)));
    }

    [Fact]
    public void LargeDigits_AreTenBySixteenAndDistinct()
    {
        BitmapFont large = DisplayFonts.LargeDigits;

        Assert.All("0123456789 ", c => Assert.Equal(10, large.GlyphWidth(c)));
        Assert.Equal(4, large.GlyphWidth('.'));
        Assert.Equal(10, "0123456789".Select(c => string.Join(",", large.Columns(c).ToArray())).Distinct().Count());
        Assert.Equal(16, large.Height);
        Assert.All("0123456789", c => Assert.Contains(large.Columns(c).ToArray(), column => (column & 0x8000) != 0));
    }

    [Fact]
    public void Constructor_GlyphTallerThanTheFont_Throws()
    {
        var glyphs = new Dictionary<char, ushort[]> { ['?'] = [0x100] };

        Assert.Throws<ArgumentException>(() => new BitmapFont("bad", 8, 1, 8, glyphs, '?'));
    }

    [Fact]
    public void Constructor_FallbackMissing_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BitmapFont("bad", 8, 1, 8, new Dictionary<char, ushort[]> { ['a'] = [1] }, '?'));
    }
}
