namespace SolarTap.Linux.Gpio;

/// <summary>One line of a GPIO chip, as GPIO_V2_GET_LINEINFO_IOCTL reports it.</summary>
/// <param name="Offset">Offset on its chip.</param>
/// <param name="Name">Its name from the device tree (empty when it has none).</param>
/// <param name="Consumer">Who has requested it (empty when free).</param>
/// <param name="Used">Requested by a program or claimed by the kernel.</param>
/// <param name="Output">Configured as an output.</param>
/// <param name="ActiveLow">Requested active-low.</param>
public sealed record GpioLineInfo(int Offset, string Name, string Consumer, bool Used, bool Output, bool ActiveLow);
