namespace SolarTap.Protocols.Display;

/// <summary>
/// Splits one frame into I2C write transactions for the panel's controller, one at a time into a caller buffer:
/// <code>
///   var writer = new OledFrameWriter(panel, frame, maxTransferLength: 129);
///   while (writer.TryWriteNext(buffer, out int length)) i2c.Write(buffer[..length]);
/// </code>
/// SSD1306: one address-window command (column and page range), then the whole buffer as data transactions
/// (horizontal addressing wraps from page to page, §10.1.3). SH1106 (page addressing only): for each page a
/// page-start command, then that page's columns as data transactions. Every data transaction is the 0x40
/// control byte plus at most <c>maxTransferLength - 1</c> bytes.
/// </summary>
public struct OledFrameWriter
{
    /// <summary>The smallest transfer limit accepted: a 7-byte command transaction must fit.</summary>
    public const int MinTransferLength = 8;

    private readonly OledPanel _panel;
    private readonly MonoFramebuffer _frame;
    private readonly int _maxTransferLength;
    private int _segment;
    private int _offset;
    private bool _addressed;

    /// <summary>A writer for <paramref name="frame"/> on <paramref name="panel"/>.</summary>
    /// <param name="panel">The module; its size must equal the frame's.</param>
    /// <param name="frame">The pixels to send; read while writing, so do not change it until done.</param>
    /// <param name="maxTransferLength">Largest I2C write the adapter accepts, control byte included.</param>
    /// <exception cref="ArgumentException">The sizes differ or the panel is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTransferLength"/> is below <see cref="MinTransferLength"/>.</exception>
    public OledFrameWriter(OledPanel panel, MonoFramebuffer frame, int maxTransferLength)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(frame);
        panel.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTransferLength, MinTransferLength);
        if (frame.Width != panel.Width || frame.Height != panel.Height)
        {
            throw new ArgumentException($"A {frame.Width}x{frame.Height} frame does not fit a {panel.Width}x{panel.Height} panel.", nameof(frame));
        }

        _panel = panel;
        _frame = frame;
        _maxTransferLength = maxTransferLength;
    }

    private readonly bool PageByPage => _panel.Controller == OledController.Sh1106;

    private readonly int SegmentCount => PageByPage ? _panel.PageCount : 1;

    private readonly int SegmentLength => PageByPage ? _panel.Width : _frame.Bytes.Length;

    /// <summary>Writes the next transaction into <paramref name="destination"/>; false when the frame is complete.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot hold the next transaction.</exception>
    public bool TryWriteNext(Span<byte> destination, out int length)
    {
        if (_frame is null || _segment >= SegmentCount)
        {
            length = 0;
            return false;
        }

        if (!_addressed)
        {
            length = PageByPage
                ? Ssd1306Commands.WritePageStart(_panel, _segment, destination)
                : Ssd1306Commands.WriteFrameWindow(_panel, destination);
            _addressed = true;
            return true;
        }

        int remaining = SegmentLength - _offset;
        int count = Math.Min(remaining, _maxTransferLength - 1);
        if (destination.Length < count + 1)
        {
            throw new ArgumentException($"The buffer holds {destination.Length} bytes; the next transaction needs {count + 1}.", nameof(destination));
        }

        destination[0] = Ssd1306Commands.DataStream;
        _frame.Bytes.Slice(_segment * SegmentLength + _offset, count).CopyTo(destination[1..]);
        length = count + 1;
        _offset += count;
        if (_offset == SegmentLength)
        {
            _segment++;
            _offset = 0;
            _addressed = false;
        }

        return true;
    }
}
