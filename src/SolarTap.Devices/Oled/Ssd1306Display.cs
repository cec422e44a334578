using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Oled;

/// <summary>
/// Driver for an SSD1306 or SH1106 OLED module on an <see cref="II2cDevice"/>. It sends the initialisation,
/// frames, contrast and on/off commands built by <see cref="Ssd1306Commands"/> and <see cref="OledFrameWriter"/>,
/// and skips writes that would change nothing (an unchanged frame, the same contrast), which keeps the bus quiet
/// when the page does not change. Not thread-safe: one owner drives it. Bus errors surface as
/// <see cref="IOException"/>; call <see cref="Initialise"/> again after one (the module may have lost power).
/// </summary>
public sealed partial class Ssd1306Display
{
    private readonly II2cDevice _device;
    private readonly Ssd1306DisplayOptions _options;
    private readonly ILogger _logger;
    private readonly byte[] _buffer;
    private readonly MonoFramebuffer _shown;
    private bool _shownValid;

    /// <summary>A driver for the module at <paramref name="device"/>; nothing is sent until <see cref="Initialise"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public Ssd1306Display(II2cDevice device, Ssd1306DisplayOptions options, ILogger<Ssd1306Display>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _device = device;
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Panel = options.ToPanel();
        _buffer = new byte[options.MaxTransferLength];
        _shown = new MonoFramebuffer(Panel.Width, Panel.Height);
    }

    /// <summary>The module's geometry and controller.</summary>
    public OledPanel Panel { get; }

    /// <summary>Whether the panel is lit (after <see cref="Initialise"/> or <see cref="On"/>, until <see cref="Off"/>).</summary>
    public bool IsOn { get; private set; }

    /// <summary>The contrast last sent.</summary>
    public byte Contrast { get; private set; }

    /// <summary>
    /// Configures the controller with the display off, clears its RAM, then turns it on, so no power-up noise is
    /// shown (SSD1306 §8.9 power-on sequence).
    /// </summary>
    public void Initialise()
    {
        _device.Write(_buffer.AsSpan(0, Ssd1306Commands.WriteInitialisation(Panel, _options.Contrast, _buffer, turnOn: false)));
        Contrast = _options.Contrast;
        _shownValid = false;
        Show(new MonoFramebuffer(Panel.Width, Panel.Height));
        On();
        LogInitialised(Panel.Controller, Panel.Width, Panel.Height, _options.Address);
    }

    /// <summary>Sends <paramref name="frame"/> to the display RAM, unless it equals the frame last sent.</summary>
    /// <exception cref="ArgumentException">The frame's size differs from the panel's.</exception>
    public void Show(MonoFramebuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_shownValid && _shown.ContentEquals(frame))
        {
            return;
        }

        var writer = new OledFrameWriter(Panel, frame, _options.MaxTransferLength);
        _shownValid = false;
        while (writer.TryWriteNext(_buffer, out int length))
        {
            _device.Write(_buffer.AsSpan(0, length));
        }

        _shown.CopyFrom(frame);
        _shownValid = true;
    }

    /// <summary>Sets the contrast (lower is dimmer; used for night dimming), unless it is already set.</summary>
    public void SetContrast(byte contrast)
    {
        if (contrast == Contrast)
        {
            return;
        }

        _device.Write(_buffer.AsSpan(0, Ssd1306Commands.WriteContrast(contrast, _buffer)));
        Contrast = contrast;
    }

    /// <summary>Lights the panel (the RAM content reappears).</summary>
    public void On() => SetOn(true);

    /// <summary>Blanks the panel (sleep mode); the RAM keeps its content.</summary>
    public void Off() => SetOn(false);

    private void SetOn(bool on)
    {
        _device.Write(_buffer.AsSpan(0, Ssd1306Commands.WriteDisplayOn(on, _buffer)));
        IsOn = on;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OLED {Controller} {Width}x{Height} at I2C address 0x{Address:X2} initialised")]
    private partial void LogInitialised(OledController controller, int width, int height, int address);
}
