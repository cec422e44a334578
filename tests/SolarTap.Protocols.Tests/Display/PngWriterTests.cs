using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class PngWriterTests
{
    [Fact]
    public void Crc32_CheckValue_IsCbf43926()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(Crc32.Compute("123456789"u8), Crc32.Append(Crc32.Compute("1234"u8), "56789"u8));
    }

    [Fact]
    public void Write_OneBit_HasSignatureHeaderDataEndAndValidCrcs()
    {
        byte[] png = PngWriter.Write(Sample());

        DecodedPng decoded = DecodedPng.Read(png);

        Assert.Equal(["IHDR", "IDAT", "IEND"], decoded.Chunks.Select(c => c.Type));
        Assert.Equal("00000010" + "00000008" + "01" + "00" + "00" + "00" + "00", Hex.Of(decoded.Chunks[0].Data));
        Assert.Empty(decoded.Chunks[2].Data);
        Assert.Equal("0000000049454e44ae426082", Hex.Of(png.AsSpan(png.Length - 12)));
    }

    [Fact]
    public void Write_OneBit_IdatInflatesToFilterNoneScanlinesHighBitLeftmost()
    {
        DecodedPng decoded = DecodedPng.Read(PngWriter.Write(Sample()));

        // 16x8: row 0 has x=0 and x=9 lit; row 7 has x=15 lit; each row = filter 0 + 2 bytes.
        Assert.Equal(8 * 3, decoded.Scanlines.Length);
        Assert.Equal("008040", Hex.Of(decoded.Scanlines.AsSpan(0, 3)));
        Assert.Equal("000000", Hex.Of(decoded.Scanlines.AsSpan(3, 3)));
        Assert.Equal("000001", Hex.Of(decoded.Scanlines.AsSpan(21, 3)));
    }

    [Fact]
    public void Write_EightBitScaled_HasOneBytePerPixelAndBlocksOfScale()
    {
        DecodedPng decoded = DecodedPng.Read(PngWriter.Write(Sample(), PngBitDepth.Eight, scale: 2));

        Assert.Equal((32, 16, 8), (decoded.Width, decoded.Height, decoded.Depth));
        Assert.Equal(16 * 33, decoded.Scanlines.Length);
        Assert.Equal("00" + "ffff" + "0000" + "0000", Hex.Of(decoded.Scanlines.AsSpan(0, 7)));
        Assert.True(decoded.IsWhite(19, 1));
        Assert.True(decoded.IsWhite(31, 15));
        Assert.False(decoded.IsWhite(20, 1));
    }

    [Fact]
    public void Write_ReadBack_GivesTheSamePixels()
    {
        var frame = new MonoFramebuffer();
        OledPageRenderer.Render(frame, PageFixtures.Typical, 0);

        MonoFramebuffer back = DecodedPng.Read(PngWriter.Write(frame)).ToFramebuffer();

        Assert.True(back.ContentEquals(frame));
    }

    [Fact]
    public void Write_OddWidth_PadsTheLastByte()
    {
        var frame = new MonoFramebuffer(13, 8);
        frame.SetPixel(12, 0);

        DecodedPng decoded = DecodedPng.Read(PngWriter.Write(frame));

        Assert.Equal(8 * 3, decoded.Scanlines.Length);
        Assert.Equal("000008", Hex.Of(decoded.Scanlines.AsSpan(0, 3)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Write_BadScale_Throws(int scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PngWriter.Write(Sample(), scale: scale));
    }

    private static MonoFramebuffer Sample()
    {
        var frame = new MonoFramebuffer(16, 8);
        frame.SetPixel(0, 0);
        frame.SetPixel(9, 0);
        frame.SetPixel(15, 7);
        return frame;
    }
}
