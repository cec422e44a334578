using SolarTap.Devices.Leds;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Serial;

/// <summary>
/// Requests a GPIO line as an output (registered by the GPIO driver); the RS485 source uses it for <c>rs485.de_gpio</c>.
/// </summary>
public delegate IOnOffOutput GpioOutputFactory(GpioLine line);
