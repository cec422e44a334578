using SolarTap.Devices.Leds;

namespace SolarTap.Linux.Serial;

/// <summary>How a <see cref="LinuxSerialPort"/> drives an RS485 transceiver.</summary>
public sealed record LinuxSerialPortOptions
{
    /// <summary>
    /// Ask the driver for RS485 mode (TIOCSRS485, RTS high while sending). Drivers without it answer ENOTTY or
    /// EINVAL; then <see cref="DriverEnable"/> is used when given, else the adapter is trusted to switch by itself.
    /// </summary>
    public bool Rs485 { get; init; }

    /// <summary>A GPIO output wired to the transceiver's DE and /RE pins, used when the driver has no RS485 mode.</summary>
    public IOnOffOutput? DriverEnable { get; init; }
}
