using Microsoft.Extensions.Logging;
using SolarTap.Devices.Gpio;
using SolarTap.Devices.Leds;
using SolarTap.Devices.Oled;
using SolarTap.Linux.Gpio;
using SolarTap.Linux.I2c;
using SolarTap.Protocols.Display;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Display;

/// <summary>
/// Opens the status devices the configuration names: the four LEDs (kernel LED class, or GPIO lines blinked from a
/// timer), the OLED on i2c-dev (or a PNG-only one) and its page button. A device that cannot be opened is left out;
/// when the configuration asked for it (its section is in the file) the reason is collected as a problem.
/// </summary>
internal sealed partial class StatusDevices : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly List<string> _ledProblems = [];
    private readonly List<string> _oledProblems = [];
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;

    private StatusDevices(ILoggerFactory loggers)
    {
        _loggers = loggers;
        _logger = loggers.CreateLogger<StatusDevices>();
    }

    /// <summary>The LEDs, or null when none could be opened.</summary>
    public StatusLeds? Leds { get; private set; }

    /// <summary>How many LEDs were opened, and how (for the status detail).</summary>
    public string LedSummary { get; private set; } = "";

    /// <summary>The display, or null.</summary>
    public Ssd1306Display? Display { get; private set; }

    /// <summary>What the display is (for the status detail).</summary>
    public string DisplaySummary { get; private set; } = "";

    /// <summary>The page button, or null.</summary>
    public IButton? Button { get; private set; }

    /// <summary>Problems with configured LEDs.</summary>
    public IReadOnlyList<string> LedProblems => _ledProblems;

    /// <summary>Problems with the configured OLED or button.</summary>
    public IReadOnlyList<string> OledProblems => _oledProblems;

    /// <summary>Opens what <paramref name="leds"/> and <paramref name="oled"/> name.</summary>
    public static StatusDevices Open(LedsOptions leds, OledOptions oled, TimeProvider time, ILoggerFactory loggers, string gpioDirectory = GpioLines.DefaultDeviceDirectory)
    {
        ArgumentNullException.ThrowIfNull(leds);
        ArgumentNullException.ThrowIfNull(oled);
        var devices = new StatusDevices(loggers);
        devices.OpenLeds(leds, time, gpioDirectory);
        devices.OpenDisplay(oled, gpioDirectory);
        return devices;
    }

    /// <summary>Opens the display again after a bus error (the module may have lost power). True when it answers.</summary>
    public bool Reinitialise(out string? problem)
    {
        problem = null;
        if (Display is null)
        {
            return false;
        }

        try
        {
            Display.Initialise();
            return true;
        }
        catch (IOException e)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>Releases the GPIO lines and the I2C bus.</summary>
    public void Dispose()
    {
        foreach (IDisposable owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private void OpenLeds(LedsOptions options, TimeProvider time, string gpioDirectory)
    {
        ILed? Open(string role, LedBinding binding)
        {
            if (binding.IsNone)
            {
                return null;
            }

            try
            {
                if (binding.ClassName is { } name)
                {
                    var led = new SysfsLed(options.ClassDirectory, name);
                    if (led.Exists)
                    {
                        return led;
                    }

                    throw new FileNotFoundException($"{led.Directory} does not exist: the kernel has no LED of that name. On the SolarTap image, dtoverlay=solartap-leds in solartap-config.txt creates the solartap-* LEDs (hardware/pinout.md); elsewhere, give the LED as gpio:LINE (docs/status.md)");
                }

                GpioOutputLine line = GpioOutputLine.Request(binding.Line!, options.ActiveLow, initialValue: false, gpioDirectory);
                var blinker = new TimerBlinker(line, time, $"{role} ({line.Description})", _loggers.CreateLogger<TimerBlinker>());
                _owned.Add(line);
                _owned.Add(blinker); // disposed (in reverse order) before its line: it darkens the LED first
                return blinker;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                if (options.Required)
                {
                    _ledProblems.Add($"{role} LED {binding}: {e.Message}");
                }
                else
                {
                    LogLedLeftOut(_logger, role, e.Message);
                }

                return null;
            }
        }

        ILed? power = Open("power", options.Power), link = Open("link", options.Link), upstream = Open("upstream", options.Upstream), error = Open("error", options.Error);
        ILed?[] all = [power, link, upstream, error];
        int count = all.Count(l => l is not null);
        LedSummary = $"{count} of 4 LEDs";
        if (count > 0)
        {
            Leds = new StatusLeds(power, link, upstream, error, _loggers.CreateLogger<StatusLeds>());
        }
    }

    private void OpenDisplay(OledOptions options, string gpioDirectory)
    {
        var displayOptions = new Ssd1306DisplayOptions
        {
            Controller = options.Controller,
            Rotate180 = options.Rotate180,
            Address = options.Address,
        };

        if (options.Bus is { } bus)
        {
            try
            {
                LinuxI2cDevice device = LinuxI2cDevice.Open(bus, options.Address);
                _owned.Add(device);
                var display = new Ssd1306Display(device, displayOptions, _loggers.CreateLogger<Ssd1306Display>());
                display.Initialise();
                Display = display;
                DisplaySummary = $"{options.Controller.ToString().ToUpperInvariant()} at 0x{options.Address:X2} on {bus}";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem(options.Required, _oledProblems, "OLED", e.Message);
            }
        }

        if (Display is null && options.PngFile is not null)
        {
            // No glass, but a PNG was asked for: draw on a display that discards what it is sent.
            Display = new Ssd1306Display(new DiscardingI2cDevice(), displayOptions);
            Display.Initialise();
            DisplaySummary = $"simulated, written to {options.PngFile}";
        }

        if (Display is null || options.Bus is null || options.Button is not { } button)
        {
            return;
        }

        try
        {
            GpioInputLine line = GpioInputLine.Request(button, deviceDirectory: gpioDirectory);
            _owned.Add(line);
            Button = line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Problem(options.Required, _oledProblems, $"page button {button}", e.Message);
        }
    }

    private void Problem(bool required, List<string> problems, string device, string message)
    {
        if (required)
        {
            problems.Add($"{device}: {message}");
        }
        else
        {
            LogLeftOut(_logger, device, message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Role} LED left out (not configured and not found): {Reason}")]
    private static partial void LogLedLeftOut(ILogger logger, string role, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Device} left out (not configured and not found): {Reason}")]
    private static partial void LogLeftOut(ILogger logger, string device, string reason);
}
