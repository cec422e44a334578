using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class MonoFramebufferTests
{
    [Fact]
    public void SetPixel_Layout_IsColumnBytesPerPageWithBit0OnTop()
    {
        var frame = new MonoFramebuffer();

        frame.SetPixel(0, 0);
        frame.SetPixel(5, 7);
        frame.SetPixel(3, 8);
        frame.SetPixel(127, 63);

        Assert.Equal(0x01, frame.Bytes[0]);
        Assert.Equal(0x80, frame.Bytes[5]);
        Assert.Equal(0x01, frame.Bytes[128 + 3]);
        Assert.Equal(0x80, frame.Bytes[(7 * 128) + 127]);
        Assert.Equal(4, frame.CountLit());
        Assert.Equal(0x01, frame.Page(1)[3]);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(128, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 64)]
    [InlineData(int.MinValue, int.MaxValue)]
    public void SetPixel_OutsideTheBuffer_IsIgnored(int x, int y)
    {
        var frame = new MonoFramebuffer();

        frame.SetPixel(x, y);
        frame.TogglePixel(x, y);

        Assert.Equal(0, frame.CountLit());
        Assert.False(frame.GetPixel(x, y));
    }

    [Fact]
    public void SetPixel_Off_ClearsOnlyThatPixel()
    {
        var frame = new MonoFramebuffer(16, 8);
        frame.Fill(true);

        frame.SetPixel(2, 3, on: false);

        Assert.Equal((16 * 8) - 1, frame.CountLit());
        Assert.False(frame.GetPixel(2, 3));
    }

    [Fact]
    public void ClearFillInvert_AffectEveryPixel()
    {
        var frame = new MonoFramebuffer(8, 16);
        frame.SetPixel(1, 1);

        frame.Invert();
        Assert.Equal((8 * 16) - 1, frame.CountLit());
        Assert.False(frame.GetPixel(1, 1));

        frame.Fill(true);
        Assert.Equal(8 * 16, frame.CountLit());

        frame.Clear();
        Assert.Equal(0, frame.CountLit());
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(128, 60)]
    [InlineData(2000, 64)]
    [InlineData(128, 0)]
    public void Constructor_BadSize_Throws(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonoFramebuffer(width, height));
    }

    [Fact]
    public void Constructor_OtherSizes_AreSupported()
    {
        var frame = new MonoFramebuffer(72, 40);

        Assert.Equal(5, frame.PageCount);
        Assert.Equal(72 * 5, frame.Bytes.Length);
    }

    [Fact]
    public void DrawLines_HorizontalVerticalDiagonal_IncludeBothEnds()
    {
        var frame = new MonoFramebuffer(32, 16);

        frame.DrawHorizontalLine(2, 10, 5);
        frame.DrawVerticalLine(0, 3, 4);
        frame.DrawLine(10, 0, 15, 5);

        Assert.Equal(Enumerable.Range(2, 5), Enumerable.Range(0, 32).Where(x => frame.GetPixel(x, 10)));
        Assert.Equal(Enumerable.Range(3, 4), Enumerable.Range(0, 16).Where(y => frame.GetPixel(0, y)));
        Assert.All(Enumerable.Range(0, 6), i => Assert.True(frame.GetPixel(10 + i, i)));
        Assert.Equal(5 + 4 + 6, frame.CountLit());
    }

    [Fact]
    public void DrawLine_SteepAndBackwards_IsContinuous()
    {
        var frame = new MonoFramebuffer(16, 16);

        frame.DrawLine(3, 15, 0, 0);

        Assert.All(Enumerable.Range(0, 16), y => Assert.Equal(1, Enumerable.Range(0, 16).Count(x => frame.GetPixel(x, y))));
        Assert.True(frame.GetPixel(3, 15));
        Assert.True(frame.GetPixel(0, 0));
    }

    [Fact]
    public void DrawLine_FarOutside_ClipsWithoutThrowing()
    {
        var frame = new MonoFramebuffer();

        frame.DrawLine(-1000, -1000, 1000, 1000);

        Assert.Equal(64, frame.CountLit());
    }

    [Fact]
    public void DrawRectangle_IsAnOutline()
    {
        var frame = new MonoFramebuffer(16, 16);

        frame.DrawRectangle(1, 2, 5, 4);

        Assert.Equal((2 * 5) + (2 * 2), frame.CountLit());
        Assert.True(frame.GetPixel(1, 2));
        Assert.True(frame.GetPixel(5, 5));
        Assert.False(frame.GetPixel(3, 3));
    }

    [Fact]
    public void FillAndInvertRectangle_AreClipped()
    {
        var frame = new MonoFramebuffer(16, 8);

        frame.FillRectangle(-2, -2, 5, 5);
        frame.InvertRectangle(14, 6, 10, 10);

        Assert.Equal(9 + 4, frame.CountLit());
    }

    [Fact]
    public void Shift_RightAndDown_MovesPixelsAndDarkensTheUncoveredEdge()
    {
        var frame = new MonoFramebuffer(16, 16);
        frame.SetPixel(0, 0);
        frame.SetPixel(15, 7);
        frame.SetPixel(4, 15);

        frame.Shift(1, 1);

        Assert.True(frame.GetPixel(1, 1));
        Assert.Equal(1, frame.CountLit());
    }

    [Fact]
    public void Shift_LeftAndUp_IsTheInverse()
    {
        var frame = new MonoFramebuffer(16, 16);
        frame.SetPixel(5, 9);
        var copy = new MonoFramebuffer(16, 16);
        copy.CopyFrom(frame);

        frame.Shift(1, 1);
        frame.Shift(-1, -1);

        Assert.True(frame.ContentEquals(copy));
    }

    [Fact]
    public void Shift_ByMoreThanTheSize_Clears()
    {
        var frame = new MonoFramebuffer(16, 16);
        frame.Fill(true);

        frame.Shift(int.MinValue, 0);

        Assert.Equal(0, frame.CountLit());
    }

    [Fact]
    public void CopyFrom_DifferentSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MonoFramebuffer().CopyFrom(new MonoFramebuffer(128, 32)));
    }
}
