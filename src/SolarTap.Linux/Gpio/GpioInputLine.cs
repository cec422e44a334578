using SolarTap.Devices.Gpio;
using SolarTap.Linux.Interop;
using static SolarTap.Linux.Interop.GpioUapi;

namespace SolarTap.Linux.Gpio;

/// <summary>
/// A push button on a GPIO line, requested through the v2 uAPI as an input with the internal pull-up, active-low
/// (the button connects the pin to ground), rising-edge events of the logical value (= presses), and the kernel's
/// debounce (GPIO_V2_LINE_ATTR_ID_DEBOUNCE; gpiolib emulates it in software where the controller cannot). Events are
/// read(2) from the line fd as struct gpio_v2_line_event records.
/// </summary>
public sealed unsafe class GpioInputLine : IButton, IDisposable
{
    /// <summary>The debounce period used unless one is given: contacts of a tactile switch settle within a few ms.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(10);

    private const int EventsPerRead = 16;
    private readonly FileDescriptorHandle _line;

    /// <summary>A button over an already requested line fd (tests pass a file of event records).</summary>
    internal GpioInputLine(FileDescriptorHandle line, string name)
    {
        _line = line;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Requests <paramref name="address"/> as a button input.</summary>
    /// <param name="address">The line.</param>
    /// <param name="activeLow">True (the usual) when pressing pulls the line low; the pull-up is enabled then.</param>
    /// <param name="debounce">Debounce period; default <see cref="DefaultDebounce"/>.</param>
    /// <param name="deviceDirectory">Where the gpiochip devices are.</param>
    /// <exception cref="FileNotFoundException">No such chip or line name.</exception>
    /// <exception cref="IOException">The line is busy or the kernel refused.</exception>
    public static GpioInputLine Request(GpioLineAddress address, bool activeLow = true, TimeSpan? debounce = null, string deviceDirectory = GpioLines.DefaultDeviceDirectory)
    {
        (GpioChip chip, int offset) = GpioLines.Locate(address, deviceDirectory);
        using (chip)
        {
            var request = new GpioLineRequest(Output: false, ActiveLow: activeLow, PullUp: activeLow, RisingEdge: true, Debounce: debounce ?? DefaultDebounce);
            return new GpioInputLine(chip.RequestLine(offset, request), $"{chip.Path}:{offset}");
        }
    }

    /// <inheritdoc/>
    public bool WaitForPress(TimeSpan timeout)
    {
        int ms = timeout == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue);
        bool added = false;
        _line.DangerousAddRef(ref added);
        try
        {
            var poll = new LibC.pollfd { fd = _line.Number, events = LibC.POLLIN };
            int ready = LibC.poll(&poll, 1, ms);
            if (ready == -1 && Errno.Last == LibC.EINTR)
            {
                return false;
            }

            if (Errno.Check(ready, "poll", Name) == 0)
            {
                return false;
            }

            return ReadEvents();
        }
        finally
        {
            if (added)
            {
                _line.DangerousRelease();
            }
        }
    }

    /// <summary>Releases the line.</summary>
    public void Dispose() => _line.Dispose();

    /// <summary>Reads the queued events; true when any is a rising edge (a press).</summary>
    private bool ReadEvents()
    {
        gpio_v2_line_event* events = stackalloc gpio_v2_line_event[EventsPerRead];
        nint read = Errno.Check(LibC.read(_line, (byte*)events, (nuint)(sizeof(gpio_v2_line_event) * EventsPerRead)), "read events", Name);
        int count = (int)(read / sizeof(gpio_v2_line_event));
        for (int i = 0; i < count; i++)
        {
            if (events[i].id == GPIO_V2_LINE_EVENT_RISING_EDGE)
            {
                return true;
            }
        }

        return false;
    }
}
