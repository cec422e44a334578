using SolarTap.Devices.Oled;

namespace SolarTap.Supervisor.Display;

/// <summary>An I2C device that takes every write and does nothing: the display behind a PNG-only (simulated) OLED.</summary>
internal sealed class DiscardingI2cDevice : II2cDevice
{
    /// <summary>Writes sent, for tests.</summary>
    public int Writes { get; private set; }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data) => Writes++;
}
