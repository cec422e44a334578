using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class OledFrameWriterTests
{
    [Fact]
    public void TryWriteNext_Ssd1306_OneWindowCommandThenDataChunks()
    {
        MonoFramebuffer frame = Pattern();

        List<byte[]> writes = All(OledPanel.Ssd1306Module, frame, 129);

        Assert.Equal(1 + 8, writes.Count);
        Assert.Equal("0021007f220007", Hex.Of(writes[0]));
        Assert.All(writes.Skip(1), w => Assert.Equal(129, w.Length));
        Assert.All(writes.Skip(1), w => Assert.Equal(Ssd1306Commands.DataStream, w[0]));
        Assert.Equal(frame.Bytes.ToArray(), writes.Skip(1).SelectMany(w => w.Skip(1)).ToArray());
    }

    [Fact]
    public void TryWriteNext_Ssd1306SmallLimit_SplitsAcrossPageBoundaries()
    {
        MonoFramebuffer frame = Pattern();

        List<byte[]> writes = All(OledPanel.Ssd1306Module, frame, 100);

        Assert.All(writes, w => Assert.True(w.Length <= 100));
        Assert.Equal(1 + 11, writes.Count); // 1024 = 10 x 99 + 34
        Assert.Equal(35, writes[^1].Length);
        Assert.Equal(frame.Bytes.ToArray(), writes.Skip(1).SelectMany(w => w.Skip(1)).ToArray());
    }

    [Fact]
    public void TryWriteNext_Sh1106_PageStartBeforeEachPage()
    {
        MonoFramebuffer frame = Pattern();

        List<byte[]> writes = All(OledPanel.Sh1106Module, frame, 65);

        Assert.Equal(8 * 3, writes.Count);
        for (int page = 0; page < 8; page++)
        {
            Assert.Equal($"00b{page}0210", Hex.Of(writes[page * 3]));
            Assert.Equal(frame.Page(page).ToArray(), writes[(page * 3) + 1].Skip(1).Concat(writes[(page * 3) + 2].Skip(1)).ToArray());
        }
    }

    [Fact]
    public void TryWriteNext_SmallestLimit_StillWorks()
    {
        MonoFramebuffer frame = Pattern();

        List<byte[]> writes = All(OledPanel.Sh1106Module, frame, OledFrameWriter.MinTransferLength);

        Assert.All(writes, w => Assert.True(w.Length <= OledFrameWriter.MinTransferLength));
        Assert.Equal(frame.Bytes.ToArray(), writes.Where(w => w[0] == 0x40).SelectMany(w => w.Skip(1)).ToArray());
    }

    [Fact]
    public void Constructor_FrameOfAnotherSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OledFrameWriter(OledPanel.Ssd1306Module, new MonoFramebuffer(128, 32), 129));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OledFrameWriter(OledPanel.Ssd1306Module, new MonoFramebuffer(), 7));
    }

    [Fact]
    public void TryWriteNext_DestinationTooSmall_Throws()
    {
        var writer = new OledFrameWriter(OledPanel.Ssd1306Module, new MonoFramebuffer(), 129);
        var buffer = new byte[129];
        Assert.True(writer.TryWriteNext(buffer, out _));

        try
        {
            writer.TryWriteNext(new byte[64], out _);
            Assert.Fail("A short buffer must be refused.");
        }
        catch (ArgumentException)
        {
        }
    }

    [Fact]
    public void Default_WritesNothing()
    {
        Assert.False(default(OledFrameWriter).TryWriteNext(new byte[16], out int length));
        Assert.Equal(0, length);
    }

    private static MonoFramebuffer Pattern()
    {
        var frame = new MonoFramebuffer();
        frame.DrawLine(0, 0, 127, 63);
        frame.DrawRectangle(3, 3, 50, 20);
        TextRenderer.DrawText(frame, DisplayFonts.Small, 60, 40, "SH1106");
        return frame;
    }

    private static List<byte[]> All(OledPanel panel, MonoFramebuffer frame, int limit)
    {
        var writer = new OledFrameWriter(panel, frame, limit);
        var buffer = new byte[limit];
        var writes = new List<byte[]>();
        while (writer.TryWriteNext(buffer, out int length))
        {
            writes.Add(buffer[..length]);
        }

        return writes;
    }
}
