namespace SolarTap.Devices.Oled;

/// <summary>
/// One device on an I2C bus, already addressed (the Linux implementation opens i2c-dev and selects the 7-bit
/// address). The seam is a single plain write, which is all a write-only display needs.
/// </summary>
public interface II2cDevice
{
    /// <summary>One write transaction: START, address with W, <paramref name="data"/>, STOP.</summary>
    /// <exception cref="IOException">The device did not acknowledge or the bus failed.</exception>
    void Write(ReadOnlySpan<byte> data);
}
