using SolarTap.Devices.Serial;

namespace SolarTap.Supervisor.Hosting;

/// <summary>
/// The one place that turns a serial port path into an open <see cref="ISerialPort"/> for the supervisor and the
/// command line (ARCHITECTURE §4.7: drivers take seams, never paths). The Linux termios implementation
/// (SolarTap.Linux.Serial.LinuxSerialPort) plugs in here; until it is part of this build, opening a port fails
/// with a message that says so.
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
        throw new PlatformNotSupportedException($"cannot open {path}: this build of solartap has no serial port driver (SolarTap.Linux.Serial.LinuxSerialPort).");
    }
}
