using SolarTap.Devices.Oled;
using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Tests.Oled;

public class Ssd1306DisplayTests
{
    [Theory]
    [InlineData(OledController.Ssd1306)]
    [InlineData(OledController.Sh1106)]
    public void Initialise_ConfiguresWhileOffClearsRamThenTurnsOn(OledController controller)
    {
        (Ssd1306Display display, FakeI2cDevice device) = Create(new() { Controller = controller, Contrast = 0x40 });
        device.Model.Apply([0x40, 0xFF]); // power-up noise in RAM

        display.Initialise();

        var expectedInit = new byte[Ssd1306Commands.MaxCommandTransactionLength];
        int length = Ssd1306Commands.WriteInitialisation(display.Panel, 0x40, expectedInit, turnOn: false);
        Assert.Equal(expectedInit[..length], device.Writes[0]);
        Assert.Equal("00af", Hex.Of(device.Writes[^1]));
        Assert.True(device.Model.DisplayOn);
        Assert.True(display.IsOn);
        Assert.Equal(0x40, device.Model.Contrast);
        Assert.Equal(0, device.Model.Visible(display.Panel.EffectiveColumnOffset).CountLit());
        Assert.DoesNotContain((byte)0xAF, device.Model.Commands.Take(device.Model.Commands.Count - 1));
    }

    [Theory]
    [InlineData(OledController.Ssd1306, 129)]
    [InlineData(OledController.Ssd1306, 32)]
    [InlineData(OledController.Sh1106, 129)]
    [InlineData(OledController.Sh1106, Ssd1306Commands.MaxCommandTransactionLength)]
    public void Show_Frame_LandsInTheVisibleRam(OledController controller, int maxTransfer)
    {
        (Ssd1306Display display, FakeI2cDevice device) = Create(new() { Controller = controller, MaxTransferLength = maxTransfer });
        display.Initialise();
        MonoFramebuffer frame = Pattern();

        display.Show(frame);

        Assert.True(device.Model.Visible(display.Panel.EffectiveColumnOffset).ContentEquals(frame));
        Assert.All(device.Writes, w => Assert.True(w.Length <= maxTransfer));
    }

    [Fact]
    public void Show_Sh1106_LeavesTheTwoHiddenColumnsEachSideAlone()
    {
        (Ssd1306Display display, FakeI2cDevice device) = Create(new() { Controller = OledController.Sh1106 });
        var frame = new MonoFramebuffer();
        frame.Fill(true);

        display.Show(frame);

        Assert.All(Enumerable.Range(0, 8), page =>
        {
            Assert.Equal(0, device.Model.Ram(page, 0));
            Assert.Equal(0, device.Model.Ram(page, 1));
            Assert.Equal(0xFF, device.Model.Ram(page, 2));
            Assert.Equal(0xFF, device.Model.Ram(page, 129));
            Assert.Equal(0, device.Model.Ram(page, 130));
        });
    }

    [Fact]
    public void Show_SameFrameAgain_SendsNothing()
    {
        (Ssd1306Display display, FakeI2cDevice device) = Create(new());
        display.Initialise();
        MonoFramebuffer frame = Pattern();
        display.Show(frame);
        int writes = device.Writes.Count;

        display.Show(Pattern());
        Assert.Equal(writes, device.Writes.Count);

        frame.SetPixel(100, 10);
        display.Show(frame);
        Assert.True(device.Writes.Count > writes);
    }

    [Fact]
    public void Show_AfterABusError_SendsTheWholeFrameAgain()
    {
        (Ssd1306Display display, FakeI2cDevice device) = Create(new());
        display.Initialise();
        device.FailAtWrite = device.Writes.Count + 2;

        Assert.Throws<IOException>(() => display.Show(Pattern()));
        device.FailAtWrite = -1;
        display.Show(Pattern());

        Assert.True(device.Model.Visible(0).ContentEquals(Pattern()));
    }

    [Fact]
    public void SetContrast_OnlyWhenItChanges()
    {
        (Ssd1306Display display, FakeI2cDevice device) = Create(new());
        display.Initialise();
        int writes = device.Writes.Count;

        display.SetContrast(Ssd1306Commands.DefaultContrast);
        display.SetContrast(0x08);

        Assert.Equal(writes + 1, device.Writes.Count);
        Assert.Equal("008108", Hex.Of(device.Writes[^1]));
        Assert.Equal(0x08, display.Contrast);
    }

    [Fact]
    public void OffAndOn_SleepAndWakeThePanel()
    {
        (Ssd1306Display display, FakeI2cDevice device) = Create(new());
        display.Initialise();

        display.Off();
        Assert.Equal("00ae", Hex.Of(device.Writes[^1]));
        Assert.False(device.Model.DisplayOn);
        Assert.False(display.IsOn);

        display.On();
        Assert.Equal("00af", Hex.Of(device.Writes[^1]));
        Assert.True(device.Model.DisplayOn);
    }

    [Theory]
    [InlineData(0x80, 129)]
    [InlineData(0x3C, 31)]
    [InlineData(0x3C, 9000)]
    public void Constructor_BadOptions_Throw(int address, int maxTransfer)
    {
        Assert.Throws<ArgumentException>(() => Create(new() { Address = address, MaxTransferLength = maxTransfer }));
    }

    [Fact]
    public void Show_FrameOfAnotherSize_Throws()
    {
        (Ssd1306Display display, _) = Create(new());

        Assert.Throws<ArgumentException>(() => display.Show(new MonoFramebuffer(128, 32)));
    }

    private static (Ssd1306Display, FakeI2cDevice) Create(Ssd1306DisplayOptions options)
    {
        var device = new FakeI2cDevice(new OledRamModel(options.Controller));
        return (new Ssd1306Display(device, options), device);
    }

    private static MonoFramebuffer Pattern()
    {
        var frame = new MonoFramebuffer();
        frame.DrawRectangle(0, 0, 128, 64);
        frame.DrawLine(0, 0, 127, 63);
        TextRenderer.DrawText(frame, DisplayFonts.Small, 10, 28, "SolarTap 0123");
        return frame;
    }
}
