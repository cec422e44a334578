using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class Ssd1306CommandsTests
{
    [Fact]
    public void WriteInitialisation_Ssd1306_IsTheDatasheetSequence()
    {
        var buffer = new byte[Ssd1306Commands.MaxCommandTransactionLength];

        int length = Ssd1306Commands.WriteInitialisation(OledPanel.Ssd1306Module, 0xCF, buffer);

        Assert.Equal(
            "00" + "ae" + "d580" + "a83f" + "d300" + "40" + "8d14" + "2000" + "2e" + "a1" + "c8" + "da12" + "81cf" + "d9f1" + "db20" + "a4" + "a6" + "af",
            Hex.Of(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void WriteInitialisation_Sh1106_UsesDcDcAndNoAddressingMode()
    {
        var buffer = new byte[Ssd1306Commands.MaxCommandTransactionLength];

        int length = Ssd1306Commands.WriteInitialisation(OledPanel.Sh1106Module, 0x7F, buffer, turnOn: false);

        Assert.Equal(
            "00" + "ae" + "d550" + "a83f" + "d300" + "40" + "ad8b" + "a1" + "c8" + "da12" + "817f" + "d922" + "db35" + "a4" + "a6",
            Hex.Of(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void WriteInitialisation_RotatedExternalVcc32Rows_ChangesOnlyThoseSettings()
    {
        var panel = new OledPanel { Height = 32, Rotate180 = true, ExternalVcc = true };
        var buffer = new byte[Ssd1306Commands.MaxCommandTransactionLength];

        int length = Ssd1306Commands.WriteInitialisation(panel, 0x10, buffer);

        Assert.Equal(
            "00" + "ae" + "d580" + "a81f" + "d300" + "40" + "8d10" + "2000" + "2e" + "a0" + "c0" + "da02" + "8110" + "d922" + "db20" + "a4" + "a6" + "af",
            Hex.Of(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void ContrastAndDisplayOnOff_AreSingleCommandTransactions()
    {
        var buffer = new byte[4];

        Assert.Equal("008108", Hex.Of(buffer.AsSpan(0, Ssd1306Commands.WriteContrast(0x08, buffer))));
        Assert.Equal("00ae", Hex.Of(buffer.AsSpan(0, Ssd1306Commands.WriteDisplayOn(false, buffer))));
        Assert.Equal("00af", Hex.Of(buffer.AsSpan(0, Ssd1306Commands.WriteDisplayOn(true, buffer))));
    }

    [Fact]
    public void WriteFrameWindow_CoversEveryColumnAndPage()
    {
        var buffer = new byte[8];

        int length = Ssd1306Commands.WriteFrameWindow(OledPanel.Ssd1306Module, buffer);

        Assert.Equal("00" + "21007f" + "220007", Hex.Of(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void WritePageStart_Sh1106_StartsAtRamColumnTwo()
    {
        var buffer = new byte[8];

        int length = Ssd1306Commands.WritePageStart(OledPanel.Sh1106Module, 5, buffer);

        Assert.Equal("00" + "b5" + "02" + "10", Hex.Of(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void Write_BufferTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ssd1306Commands.WriteContrast(1, new byte[2]));
        Assert.Throws<ArgumentException>(() => Ssd1306Commands.WriteInitialisation(OledPanel.Ssd1306Module, 1, new byte[10]));
    }

    [Theory]
    [InlineData(OledController.Ssd1306, 128, 64, 1)]
    [InlineData(OledController.Sh1106, 128, 64, 5)]
    [InlineData(OledController.Ssd1306, 128, 60, 0)]
    [InlineData(OledController.Ssd1306, 128, 72, 0)]
    public void Validate_PanelThatDoesNotFitItsRam_Throws(OledController controller, int width, int height, int offset)
    {
        var panel = new OledPanel { Controller = controller, Width = width, Height = height, ColumnOffset = offset };

        Assert.Throws<ArgumentException>(panel.Validate);
    }
}
