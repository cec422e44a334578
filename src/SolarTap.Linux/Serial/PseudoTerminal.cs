using SolarTap.Devices.Serial;
using SolarTap.Linux.Interop;

namespace SolarTap.Linux.Serial;

/// <summary>
/// A Linux pseudo-terminal pair (/dev/ptmx): <see cref="DevicePath"/> is a terminal device that
/// <see cref="LinuxSerialPort"/> opens like a real port, and this object is the other end of the wire. Used by tests,
/// simulators and the RS485 benchmark; a pty moves bytes at memory speed and does not pace them at the baud rate.
/// </summary>
public sealed class PseudoTerminal : ISerialPort
{
    private readonly FileDescriptorHandle _master;
    private volatile bool _disposed;

    private PseudoTerminal(FileDescriptorHandle master, string devicePath, SerialSettings settings)
    {
        _master = master;
        DevicePath = devicePath;
        Settings = settings;
    }

    /// <summary>The terminal side, such as <c>/dev/pts/3</c>.</summary>
    public string DevicePath { get; }

    /// <inheritdoc/>
    public string Name => $"pty master of {DevicePath}";

    /// <inheritdoc/>
    /// <remarks>Nominal: the settings the terminal side is meant to be opened with.</remarks>
    public SerialSettings Settings { get; }

    /// <summary>Opens a new pair.</summary>
    /// <exception cref="IOException">The system has no free pseudo-terminal.</exception>
    public static unsafe PseudoTerminal Open(SerialSettings? settings = null)
    {
        FileDescriptorHandle master = FileDescriptorHandle.Open("/dev/ptmx", LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK);
        try
        {
            int unlock = 0;
            Errno.Check(LibC.ioctl(master, LibC.TIOCSPTLCK, &unlock), "ioctl TIOCSPTLCK", "/dev/ptmx"); // unlockpt(3)
            uint number;
            Errno.Check(LibC.ioctl(master, LibC.TIOCGPTN, &number), "ioctl TIOCGPTN", "/dev/ptmx"); // ptsname(3)
            return new PseudoTerminal(master, $"/dev/pts/{number}", settings ?? new SerialSettings(115200));
        }
        catch
        {
            master.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return DescriptorIo.Read(_master, Name, buffer, timeout, () => _disposed);
    }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        DescriptorIo.Write(_master, Name, data);
    }

    /// <inheritdoc/>
    public void Drain()
    {
    }

    /// <inheritdoc/>
    public void DiscardInput()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Errno.Check(LibC.tcflush(_master, LibC.TCIFLUSH), "tcflush", Name);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        _master.Dispose();
    }
}
