namespace SolarTap.Devices.Serial;

/// <summary>Opens serial ports by path; drivers take this seam (or an open <see cref="ISerialPort"/>), never a path literal.</summary>
public interface ISerialPortFactory
{
    /// <summary>Opens <paramref name="path"/> (such as <c>/dev/ttyUSB0</c>) in raw mode at <paramref name="settings"/>.</summary>
    /// <exception cref="IOException">The port is missing, busy or not permitted; the message says which.</exception>
    /// <exception cref="PlatformNotSupportedException">This build cannot open serial ports.</exception>
    ISerialPort Open(string path, SerialSettings settings);
}
