using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Oled;

/// <summary>Configuration of an SSD1306 or SH1106 OLED module on I2C.</summary>
public sealed record Ssd1306DisplayOptions
{
    /// <summary>The controller chip.</summary>
    public OledController Controller { get; init; } = OledController.Ssd1306;

    /// <summary>Visible columns.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Visible rows (16 to 64, a multiple of 8).</summary>
    public int Height { get; init; } = 64;

    /// <summary>RAM column of the first visible column; null for the controller's usual (0 SSD1306, 2 SH1106).</summary>
    public int? ColumnOffset { get; init; }

    /// <summary>The module is mounted upside down.</summary>
    public bool Rotate180 { get; init; }

    /// <summary>The panel voltage comes from an external supply instead of the charge pump / DC-DC converter.</summary>
    public bool ExternalVcc { get; init; }

    /// <summary>
    /// 7-bit I2C address (0x3C, or 0x3D with SA0 high). The driver does not use it: whoever opens the
    /// <see cref="II2cDevice"/> does; it is here so one options section describes the module.
    /// </summary>
    public int Address { get; init; } = 0x3C;

    /// <summary>
    /// Largest I2C write the adapter takes, control byte included: from 32 (the initialisation is one command
    /// transaction of up to <see cref="Ssd1306Commands.MaxCommandTransactionLength"/> bytes) to 8192 (i2c-dev's limit).
    /// </summary>
    public int MaxTransferLength { get; init; } = 129;

    /// <summary>Contrast after <see cref="Ssd1306Display.Initialise"/>.</summary>
    public byte Contrast { get; init; } = Ssd1306Commands.DefaultContrast;

    /// <summary>The module as the frame encoder sees it.</summary>
    public OledPanel ToPanel() => new()
    {
        Controller = Controller,
        Width = Width,
        Height = Height,
        ColumnOffset = ColumnOffset,
        Rotate180 = Rotate180,
        ExternalVcc = ExternalVcc,
    };

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">The address, transfer length or geometry is invalid.</exception>
    public void Validate()
    {
        if (Address is < 0x08 or > 0x77)
        {
            throw new ArgumentException($"The I2C address must be a 7-bit address from 0x08 to 0x77, not 0x{Address:X2}.");
        }

        if (MaxTransferLength is < Ssd1306Commands.MaxCommandTransactionLength or > 8192)
        {
            throw new ArgumentException($"The I2C transfer length must be {Ssd1306Commands.MaxCommandTransactionLength} to 8192 bytes, not {MaxTransferLength}.");
        }

        ToPanel().Validate();
    }
}
