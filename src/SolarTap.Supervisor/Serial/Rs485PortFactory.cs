using SolarTap.Devices.Leds;
using SolarTap.Devices.Serial;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Serial;

/// <summary>Opens the RS485 source's port (tests register one that returns a fake line).</summary>
/// <param name="options">The <c>rs485</c> section.</param>
/// <param name="driverEnable">The DE/RE GPIO output, when configured.</param>
public delegate ISerialPort Rs485PortFactory(Rs485Options options, IOnOffOutput? driverEnable);
