using SolarTap.Devices.Serial;

namespace SolarTap.Supervisor.Hosting;

/// <summary>
/// The one place that turns a serial port path into an open <see cref="ISerialPort"/> for the supervisor and the
/// command line (ARCHITECTURE §4.7: drivers take seams, never paths): the Linux termios port.
/// </summary>
public sealed class SerialPortFactory : ISerialPortFactory
{
    /// <summary>The shared instance.</summary>
    public static SerialPortFactory Instance { get; } = new();

    /// <inheritdoc/>
    public ISerialPort Open(string path, SerialSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return SolarTap.Linux.Serial.LinuxSerialPort.Open(path, settings);
    }
}
