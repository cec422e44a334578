using SolarTap.Devices.Leds;
using SolarTap.Linux.Interop;
using static SolarTap.Linux.Interop.GpioUapi;

namespace SolarTap.Linux.Gpio;

/// <summary>
/// One GPIO line requested as an output through the v2 uAPI (consumer "solartap"): an LED when the board has no
/// kernel LED for it (driven by <see cref="TimerBlinker"/>), or the RS485 transceiver's DE/RE. Active-low is done
/// by the kernel (GPIO_V2_LINE_FLAG_ACTIVE_LOW), so <see cref="Write"/> always takes the logical value. The line is
/// released when disposed.
/// </summary>
public sealed unsafe class GpioOutputLine : IOnOffOutput, IDisposable
{
    private readonly FileDescriptorHandle _line;

    private GpioOutputLine(FileDescriptorHandle line, string description)
    {
        _line = line;
        Description = description;
    }

    /// <summary>The chip and offset, for messages (<c>/dev/gpiochip0:17</c>).</summary>
    public string Description { get; }

    /// <summary>Requests <paramref name="address"/> as an output at logical <paramref name="initialValue"/>.</summary>
    /// <exception cref="FileNotFoundException">No such chip or line name.</exception>
    /// <exception cref="IOException">The line is busy or the kernel refused.</exception>
    public static GpioOutputLine Request(GpioLineAddress address, bool activeLow = false, bool initialValue = false, string deviceDirectory = GpioLines.DefaultDeviceDirectory)
    {
        (GpioChip chip, int offset) = GpioLines.Locate(address, deviceDirectory);
        using (chip)
        {
            FileDescriptorHandle line = chip.RequestLine(offset, new GpioLineRequest(Output: true, ActiveLow: activeLow, InitialValue: initialValue));
            return new GpioOutputLine(line, $"{chip.Path}:{offset}");
        }
    }

    /// <summary>Sets the logical value (GPIO_V2_LINE_SET_VALUES_IOCTL): true lights an LED / asserts DE.</summary>
    /// <exception cref="IOException">The kernel refused.</exception>
    public void Write(bool lit)
    {
        var values = new gpio_v2_line_values { bits = lit ? 1UL : 0UL, mask = 1 };
        Errno.Check(LibC.ioctl(_line, GPIO_V2_LINE_SET_VALUES_IOCTL, &values), "GPIO_V2_LINE_SET_VALUES_IOCTL", Description);
    }

    /// <summary>Reads the logical value back (GPIO_V2_LINE_GET_VALUES_IOCTL).</summary>
    public bool Read()
    {
        var values = new gpio_v2_line_values { mask = 1 };
        Errno.Check(LibC.ioctl(_line, GPIO_V2_LINE_GET_VALUES_IOCTL, &values), "GPIO_V2_LINE_GET_VALUES_IOCTL", Description);
        return (values.bits & 1) != 0;
    }

    /// <summary>Releases the line (the kernel returns it to its default state).</summary>
    public void Dispose() => _line.Dispose();
}
