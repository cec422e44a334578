namespace SolarTap.Protocols.Display;

/// <summary>
/// Command transactions for SSD1306 and SH1106 controllers over I2C, written into caller buffers. Every I2C
/// write starts with a control byte (SSD1306 datasheet §8.1.5.2): Co=0 and D/C#=0 (0x00) means "the rest of
/// this transaction is commands", Co=0 and D/C#=1 (0x40) "the rest is display data".
/// <code>
///   S | addr+W | 0x00 | cmd | cmd | ... | P      command stream
///   S | addr+W | 0x40 | data | data | ... | P    data stream (written to RAM at the address pointer)
/// </code>
/// </summary>
public static class Ssd1306Commands
{
    /// <summary>Control byte: the following bytes are commands (Co=0, D/C#=0).</summary>
    public const byte CommandStream = 0x00;

    /// <summary>Control byte: the following bytes are display data (Co=0, D/C#=1).</summary>
    public const byte DataStream = 0x40;

    /// <summary>Set Display OFF, sleep mode (SSD1306 §10.1.12).</summary>
    public const byte DisplayOff = 0xAE;

    /// <summary>Set Display ON (SSD1306 §10.1.12).</summary>
    public const byte DisplayOn = 0xAF;

    /// <summary>Set Contrast Control, followed by one byte 0–255 (SSD1306 §10.1.7).</summary>
    public const byte SetContrast = 0x81;

    /// <summary>The longest transaction these methods write, control byte included.</summary>
    public const int MaxCommandTransactionLength = 32;

    /// <summary>Default contrast (the SSD1306 reset value is 0x7F).</summary>
    public const byte DefaultContrast = 0x7F;

    /// <summary>
    /// The power-on initialisation (SSD1306 §8.9 and §10.1; SH1106 command list) as one command transaction.
    /// With <paramref name="turnOn"/> false the display stays off, so the caller can clear the RAM first and
    /// not show whatever noise the RAM powered up with.
    /// </summary>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">The panel is invalid or <paramref name="destination"/> is too small.</exception>
    public static int WriteInitialisation(OledPanel panel, byte contrast, Span<byte> destination, bool turnOn = true)
    {
        ArgumentNullException.ThrowIfNull(panel);
        panel.Validate();
        Span<byte> c = stackalloc byte[MaxCommandTransactionLength];
        int n = 0;
        bool sh1106 = panel.Controller == OledController.Sh1106;
        c[n++] = CommandStream;
        c[n++] = DisplayOff;                                    // §10.1.12: off while configuring
        c[n++] = 0xD5;                                          // §10.1.16 clock divide ratio / oscillator frequency
        c[n++] = sh1106 ? (byte)0x50 : (byte)0x80;              //   reset values: SSD1306 0x80, SH1106 0x50
        c[n++] = 0xA8;                                          // §10.1.11 multiplex ratio
        c[n++] = (byte)(panel.Height - 1);                      //   N-1 = 63 for 64 rows
        c[n++] = 0xD3;                                          // §10.1.15 display offset
        c[n++] = 0x00;
        c[n++] = 0x40;                                          // §10.1.6 display start line 0
        if (sh1106)
        {
            c[n++] = 0xAD;                                      // SH1106 "Set DC-DC ON/OFF" (ADh)
            c[n++] = panel.ExternalVcc ? (byte)0x8A : (byte)0x8B; //   8Bh on, 8Ah off
        }
        else
        {
            c[n++] = 0x8D;                                      // charge pump setting (application note, Table 2-1)
            c[n++] = panel.ExternalVcc ? (byte)0x10 : (byte)0x14; //   14h enable, 10h disable
            c[n++] = 0x20;                                      // §10.1.3 memory addressing mode
            c[n++] = 0x00;                                      //   horizontal (SH1106 has page addressing only)
            c[n++] = 0x2E;                                      // §9 Table 9-1 deactivate scroll (scrolling corrupts RAM writes)
        }

        c[n++] = panel.Rotate180 ? (byte)0xA0 : (byte)0xA1;     // §10.1.8 segment remap: A1h maps column 127 to SEG0
        c[n++] = panel.Rotate180 ? (byte)0xC0 : (byte)0xC8;     // §10.1.14 COM scan: C8h scans COM[N-1] to COM0
        c[n++] = 0xDA;                                          // §10.1.18 COM pins hardware configuration
        c[n++] = panel.Height > 32 ? (byte)0x12 : (byte)0x02;   //   alternative for 64 rows, sequential for 32
        c[n++] = SetContrast;                                   // §10.1.7
        c[n++] = contrast;
        c[n++] = 0xD9;                                          // §10.1.17 pre-charge period (phase 2 << 4 | phase 1)
        c[n++] = !sh1106 && !panel.ExternalVcc ? (byte)0xF1 : (byte)0x22;
        c[n++] = 0xDB;                                          // §10.1.19 VCOMH deselect level
        c[n++] = sh1106 ? (byte)0x35 : (byte)0x20;              //   ~0.77 x VCC on both (their reset values)
        c[n++] = 0xA4;                                          // §10.1.9 display follows RAM
        c[n++] = 0xA6;                                          // §10.1.10 normal (not inverse)
        if (turnOn)
        {
            c[n++] = DisplayOn;
        }

        return Copy(c[..n], destination);
    }

    /// <summary>The Set Contrast command (SSD1306 §10.1.7; SH1106 81h) as one transaction. Lower is dimmer.</summary>
    /// <returns>Bytes written (3).</returns>
    public static int WriteContrast(byte contrast, Span<byte> destination) =>
        Copy([CommandStream, SetContrast, contrast], destination);

    /// <summary>Display ON or OFF (sleep) as one transaction (SSD1306 §10.1.12). The RAM keeps its content while off.</summary>
    /// <returns>Bytes written (2).</returns>
    public static int WriteDisplayOn(bool on, Span<byte> destination) =>
        Copy([CommandStream, on ? DisplayOn : DisplayOff], destination);

    /// <summary>
    /// The address window for a full frame on an SSD1306 in horizontal mode: Set Column Address (§10.1.4) from the
    /// panel's first to last RAM column and Set Page Address (§10.1.5) over every page. The data that follows fills
    /// the window column by column, wrapping to the next page at the end of each page.
    /// </summary>
    /// <returns>Bytes written (7).</returns>
    public static int WriteFrameWindow(OledPanel panel, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int first = panel.EffectiveColumnOffset;
        return Copy([CommandStream, 0x21, (byte)first, (byte)(first + panel.Width - 1), 0x22, 0x00, (byte)(panel.PageCount - 1)], destination);
    }

    /// <summary>
    /// Page addressing for one page (SSD1306 §10.1.13, §10.1.1, §10.1.2; the only mode of the SH1106): Set Page
    /// Address B0h+page, then the panel's first RAM column as low nibble (00h–0Fh) and high nibble (10h–1Fh).
    /// </summary>
    /// <returns>Bytes written (4).</returns>
    public static int WritePageStart(OledPanel panel, int page, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(page, panel.PageCount);
        int column = panel.EffectiveColumnOffset;
        return Copy([CommandStream, (byte)(0xB0 | page), (byte)(column & 0x0F), (byte)(0x10 | (column >> 4))], destination);
    }

    private static int Copy(ReadOnlySpan<byte> transaction, Span<byte> destination)
    {
        if (destination.Length < transaction.Length)
        {
            throw new ArgumentException($"The buffer holds {destination.Length} bytes; the transaction needs {transaction.Length}.", nameof(destination));
        }

        transaction.CopyTo(destination);
        return transaction.Length;
    }
}
