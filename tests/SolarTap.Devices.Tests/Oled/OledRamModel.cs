using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Tests.Oled;

/// <summary>
/// What an SSD1306 or SH1106 does with the bytes it is sent, as far as the driver relies on it: control bytes
/// 0x00/0x40 (SSD1306 §8.1.5.2), the commands with their argument counts (§9), page addressing (both) and
/// horizontal addressing with its column/page window (SSD1306 §10.1.3–10.1.5). Unknown commands fail the test.
/// </summary>
internal sealed class OledRamModel(OledController controller)
{
    private static readonly Dictionary<byte, int> ArgumentCounts = new()
    {
        [0x81] = 1, [0xA8] = 1, [0xD3] = 1, [0xD5] = 1, [0xD9] = 1, [0xDA] = 1, [0xDB] = 1, [0x8D] = 1, [0xAD] = 1,
        [0x20] = 1, [0x21] = 2, [0x22] = 2,
    };

    private readonly byte[,] _ram = new byte[8, controller == OledController.Sh1106 ? 132 : 128];
    private bool _horizontal;
    private int _column;
    private int _page;
    private int _columnStart;
    private int _columnEnd = 127;
    private int _pageStart;
    private int _pageEnd = 7;

    public bool DisplayOn { get; private set; }

    public byte Contrast { get; private set; } = 0x7F;

    public List<byte> Commands { get; } = [];

    public void Apply(ReadOnlySpan<byte> transaction)
    {
        Assert.True(transaction.Length >= 2, "A transaction has a control byte and at least one byte.");
        byte control = transaction[0];
        if (control == 0x40)
        {
            foreach (byte b in transaction[1..])
            {
                WriteData(b);
            }

            return;
        }

        Assert.Equal(0x00, control);
        ReadOnlySpan<byte> commands = transaction[1..];
        while (!commands.IsEmpty)
        {
            byte command = commands[0];
            int count = ArgumentCounts.GetValueOrDefault(command);
            Assert.True(commands.Length > count, $"Command {command:X2} is missing its arguments.");
            Execute(command, commands.Slice(1, count));
            Commands.Add(command);
            commands = commands[(1 + count)..];
        }
    }

    /// <summary>The visible panel as a framebuffer, starting at RAM column <paramref name="offset"/>.</summary>
    public MonoFramebuffer Visible(int offset, int width = 128)
    {
        var frame = new MonoFramebuffer(width, 64);
        for (int page = 0; page < 8; page++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    frame.SetPixel(x, (page * 8) + bit, (_ram[page, offset + x] & (1 << bit)) != 0);
                }
            }
        }

        return frame;
    }

    public byte Ram(int page, int column) => _ram[page, column];

    private void Execute(byte command, ReadOnlySpan<byte> arguments)
    {
        bool sh1106 = controller == OledController.Sh1106;
        switch (command)
        {
            case <= 0x0F:
                _column = (_column & 0xF0) | command;
                break;
            case <= 0x1F:
                _column = (_column & 0x0F) | ((command & 0x0F) << 4);
                break;
            case 0x20 or 0x21 or 0x22 or 0x2E or 0x8D when sh1106:
                Assert.Fail($"The SH1106 has no command {command:X2}.");
                break;
            case 0xAD when !sh1106:
                Assert.Fail("The SSD1306 has no command AD.");
                break;
            case 0x20:
                _horizontal = arguments[0] == 0x00;
                break;
            case 0x21:
                (_columnStart, _columnEnd, _column) = (arguments[0], arguments[1], arguments[0]);
                break;
            case 0x22:
                (_pageStart, _pageEnd, _page) = (arguments[0], arguments[1], arguments[0]);
                break;
            case >= 0xB0 and <= 0xB7:
                _page = command & 0x07;
                break;
            case 0x81:
                Contrast = arguments[0];
                break;
            case 0xAE or 0xAF:
                DisplayOn = command == 0xAF;
                break;
            case 0x2E or 0x8D or 0xAD or 0xA8 or 0xD3 or 0xD5 or 0xD9 or 0xDA or 0xDB or (>= 0x40 and <= 0x7F)
                or 0xA0 or 0xA1 or 0xA4 or 0xA6 or 0xC0 or 0xC8:
                break;
            default:
                Assert.Fail($"Unexpected command {command:X2}.");
                break;
        }
    }

    private void WriteData(byte b)
    {
        Assert.True(_column < _ram.GetLength(1), $"Data written past RAM column {_ram.GetLength(1) - 1}.");
        _ram[_page, _column] = b;
        if (!_horizontal)
        {
            _column++;
            return;
        }

        if (++_column > _columnEnd)
        {
            _column = _columnStart;
            _page = _page >= _pageEnd ? _pageStart : _page + 1;
        }
    }
}
