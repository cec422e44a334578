using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class TextRendererTests
{
    private static BitmapFont Small => DisplayFonts.Small;

    [Fact]
    public void DrawText_OneGlyph_DrawsItsArtAtThePosition()
    {
        var frame = new MonoFramebuffer(16, 16);

        long end = TextRenderer.DrawText(frame, Small, 2, 3, "T");

        Assert.Equal(7, end);
        Assert.Equal(
            "................\n"
            + "................\n"
            + "................\n"
            + "..#####.........\n"
            + "....#...........\n"
            + "....#...........\n"
            + "....#...........\n"
            + "....#...........\n"
            + "....#...........\n"
            + "....#...........\n",
            string.Concat(GoldenImage.Art(frame).Split('\n').Take(10).Select(l => l + "\n")));
    }

    [Fact]
    public void DrawText_Spacing_IsOneColumnBetweenGlyphs()
    {
        var frame = new MonoFramebuffer(16, 8);

        long end = TextRenderer.DrawText(frame, Small, 0, 0, "||");

        Assert.Equal(11, end);
        Assert.True(frame.GetPixel(2, 0));
        Assert.True(frame.GetPixel(8, 0));
        Assert.Equal(14, frame.CountLit());
    }

    [Fact]
    public void DrawText_Dark_ClearsGlyphPixelsOnly()
    {
        var frame = new MonoFramebuffer(16, 8);
        frame.Fill(true);

        TextRenderer.DrawText(frame, Small, 0, 0, "|", on: false);

        Assert.Equal((16 * 8) - 7, frame.CountLit());
    }

    [Fact]
    public void DrawText_ClipBox_KeepsPixelsInsideIt()
    {
        var frame = new MonoFramebuffer(32, 16);

        TextRenderer.DrawText(frame, Small, 0, 0, "MMMMM", new PixelRect(3, 2, 10, 3));

        Assert.True(frame.CountLit() > 0);
        Assert.All(Lit(frame), p => Assert.True(p.X is >= 3 and < 13 && p.Y is >= 2 and < 5, $"{p} is outside the clip box"));
    }

    [Theory]
    [InlineData(TextAlignment.Left, 10)]
    [InlineData(TextAlignment.Centre, 10 + 20)]
    [InlineData(TextAlignment.Right, 10 + 41)]
    public void DrawAligned_ShortText_StartsWhereTheAlignmentSays(TextAlignment alignment, int expectedLeft)
    {
        var frame = new MonoFramebuffer(64, 8);

        TextRenderer.DrawAligned(frame, Small, new PixelRect(10, 0, 52, 8), "HH", alignment);

        Assert.Equal(expectedLeft, Lit(frame).Min(p => p.X));
        Assert.Equal(expectedLeft + 10, Lit(frame).Max(p => p.X));
    }

    [Fact]
    public void DrawAligned_TooWide_StartsAtTheLeftAndIsClipped()
    {
        var frame = new MonoFramebuffer(64, 8);

        TextRenderer.DrawAligned(frame, Small, new PixelRect(4, 0, 20, 8), "HHHHHHHH", TextAlignment.Right);

        Assert.Equal(4, Lit(frame).Min(p => p.X));
        Assert.True(Lit(frame).Max(p => p.X) < 24);
    }

    [Fact]
    public void Ellipsize_TooLong_EndsWithEllipsisAndFits()
    {
        string text = TextRenderer.Ellipsize(Small, "a-very-long-inverter-name", 60);

        Assert.Equal("a-very-lo\u2026", text);
        Assert.True(Small.MeasureWidth(text) <= 60);
        Assert.Equal("short", TextRenderer.Ellipsize(Small, "short", 60));
    }

    [Fact]
    public void Wrap_BreaksAtSpacesAndInsideLongWords()
    {
        IReadOnlyList<string> lines = TextRenderer.Wrap(Small, "one two three abcdefghijkl", 47);

        Assert.Equal(["one two", "three", "abcdefgh", "ijkl"], lines);
        Assert.All(lines, l => Assert.True(Small.MeasureWidth(l) <= 47));
    }

    [Fact]
    public void DrawText_AnyStringPositionAndClip_NeverThrowsNorWritesOutsideTheClip()
    {
        Gen<(string Text, int X, int Y, PixelRect Clip)> cases =
            from text in ArbMap.Default.GeneratorFor<string>()
            from x in Gen.OneOf(Gen.Choose(-200, 200), ArbMap.Default.GeneratorFor<int>())
            from y in Gen.OneOf(Gen.Choose(-20, 80), ArbMap.Default.GeneratorFor<int>())
            from cx in Gen.Choose(-10, 130)
            from cy in Gen.Choose(-10, 70)
            from cw in Gen.Choose(-5, 140)
            from ch in Gen.Choose(-5, 80)
            select (text ?? "", x, y, new PixelRect(cx, cy, cw, ch));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var frame = new MonoFramebuffer();
            TextRenderer.DrawText(frame, Small, c.X, c.Y, c.Text, c.Clip);
            TextRenderer.DrawAligned(frame, DisplayFonts.LargeDigits, c.Clip, c.Text, (TextAlignment)(Math.Abs(c.X % 3)));
            return Lit(frame).All(p => c.Clip.Contains(p.X, p.Y));
        }).Check(Properties.Pinned(0xD15B_0001, tests: 1000));
    }

    private static IEnumerable<(int X, int Y)> Lit(MonoFramebuffer frame)
    {
        for (int y = 0; y < frame.Height; y++)
        {
            for (int x = 0; x < frame.Width; x++)
            {
                if (frame.GetPixel(x, y))
                {
                    yield return (x, y);
                }
            }
        }
    }
}
