namespace SolarTap.Devices.Leds;

/// <summary>
/// A digital output that lights an LED, such as a GPIO character-device line (the Linux implementation requests
/// it through the GPIO v2 uAPI and handles active-low there).
/// </summary>
public interface IOnOffOutput
{
    /// <summary>Lights (<paramref name="lit"/> true) or darkens the LED.</summary>
    /// <exception cref="IOException">The line could not be set.</exception>
    void Write(bool lit);
}
