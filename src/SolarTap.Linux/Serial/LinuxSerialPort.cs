using SolarTap.Devices.Leds;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Interop;

namespace SolarTap.Linux.Serial;

/// <summary>
/// A serial port through termios (ARCHITECTURE §4.7): raw 8-bit bytes at a standard rate with 8N1, 8E1, 8O1 or
/// 8N2 framing, no flow control, VMIN=0/VTIME=0 with reads that wait in poll(2). The port is held exclusively
/// (TIOCEXCL, plus flock so that root is kept out too), and RS485 direction is switched by the driver (TIOCSRS485)
/// or by a GPIO output.
/// </summary>
public sealed unsafe class LinuxSerialPort : ISerialPort
{
    private readonly FileDescriptorHandle _handle;
    private readonly IOnOffOutput? _driverEnable;
    private volatile bool _disposed;

    private LinuxSerialPort(string path, SerialSettings settings, FileDescriptorHandle handle, IOnOffOutput? driverEnable, SerialDirectionControl direction)
    {
        Name = path;
        Settings = settings;
        _handle = handle;
        _driverEnable = driverEnable;
        DirectionControl = direction;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public SerialSettings Settings { get; }

    /// <summary>How the RS485 direction is switched on this port.</summary>
    public SerialDirectionControl DirectionControl { get; }

    /// <summary>
    /// Opens <paramref name="path"/> exclusively and applies <paramref name="settings"/> in raw mode.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are not valid (not a standard rate, bad stop bits).</exception>
    /// <exception cref="FileNotFoundException">There is no such device.</exception>
    /// <exception cref="UnauthorizedAccessException">The user may not open it (join the device's group, usually dialout).</exception>
    /// <exception cref="IOException">It is busy (another program has it open), not a serial port, or refused the settings.</exception>
    public static LinuxSerialPort Open(string path, SerialSettings settings, LinuxSerialPortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        options ??= new LinuxSerialPortOptions();
        FileDescriptorHandle handle = OpenDevice(path);
        try
        {
            Lock(handle, path);
            Configure(handle, path, settings);
            SerialDirectionControl direction = SerialDirectionControl.None;
            if (options.Rs485 && EnableKernelRs485(handle, path))
            {
                direction = SerialDirectionControl.Kernel;
            }
            else if (options.DriverEnable is { } pin)
            {
                pin.Write(false); // receive until there is something to send
                direction = SerialDirectionControl.Gpio;
            }

            Errno.Check(LibC.tcflush(handle, LibC.TCIOFLUSH), "tcflush", path);
            return new LinuxSerialPort(path, settings, handle, direction == SerialDirectionControl.Gpio ? options.DriverEnable : null, direction);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    /// <remarks>A read in progress when another thread disposes the port returns 0 within about 100 ms.</remarks>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return DescriptorIo.Read(_handle, Name, buffer, timeout, () => _disposed);
    }

    /// <inheritdoc/>
    /// <remarks>With a GPIO driver-enable line, the line is raised first and lowered once the bytes have left (tcdrain).</remarks>
    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_driverEnable is null)
        {
            DescriptorIo.Write(_handle, Name, data);
            return;
        }

        _driverEnable.Write(true);
        try
        {
            DescriptorIo.Write(_handle, Name, data);
            Drain();
        }
        finally
        {
            _driverEnable.Write(false);
        }
    }

    /// <inheritdoc/>
    public void Drain()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (LibC.tcdrain(_handle) == -1)
        {
            if (Errno.Last != LibC.EINTR)
            {
                throw Errno.Exception(Errno.Last, "tcdrain", Name);
            }
        }
    }

    /// <inheritdoc/>
    public void DiscardInput()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Errno.Check(LibC.tcflush(_handle, LibC.TCIFLUSH), "tcflush", Name);
    }

    /// <summary>The settings as the driver holds them now (tcgetattr), for checks and diagnostics.</summary>
    public SerialSettings ReadBackSettings()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        LibC.termios t;
        Errno.Check(LibC.tcgetattr(_handle, &t), "tcgetattr", Name);
        return Describe(&t, Name);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _driverEnable?.Write(false);
        }
        catch (IOException)
        {
            // The line is released with the port anyway.
        }

        _handle.Dispose();
    }

    private static FileDescriptorHandle OpenDevice(string path)
    {
        try
        {
            return FileDescriptorHandle.Open(path, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException(
                $"{e.Message} Serial devices belong to the 'dialout' group: add the user with 'sudo usermod -aG dialout $USER' and log in again.", e);
        }
    }

    private static void Lock(FileDescriptorHandle handle, string path)
    {
        if (LibC.ioctl(handle, LibC.TIOCEXCL, 0) == -1)
        {
            int errno = Errno.Last;
            throw errno == LibC.ENOTTY
                ? new IOException($"{path} is not a serial port (it is not a terminal device).", errno)
                : Errno.Exception(errno, "ioctl TIOCEXCL", path);
        }

        // TIOCEXCL does not stop root (CAP_SYS_ADMIN); an advisory lock stops every cooperating program, root included.
        if (LibC.flock(handle, LibC.LOCK_EX | LibC.LOCK_NB) == -1)
        {
            int errno = Errno.Last;
            throw Errno.Exception(errno == LibC.EAGAIN ? LibC.EBUSY : errno, "lock", path);
        }
    }

    private static void Configure(FileDescriptorHandle handle, string path, SerialSettings settings)
    {
        LibC.termios t;
        Errno.Check(LibC.tcgetattr(handle, &t), "tcgetattr", path);
        Apply(&t, settings);
        Errno.Check(LibC.tcsetattr(handle, LibC.TCSANOW, &t), "tcsetattr", path);

        // tcsetattr succeeds when any part was applied; check the driver kept all of it.
        LibC.termios applied;
        Errno.Check(LibC.tcgetattr(handle, &applied), "tcgetattr", path);
        SerialSettings actual = Describe(&applied, path);
        if (actual != settings)
        {
            throw new IOException($"{path} did not accept {settings}: the driver set {actual}.");
        }
    }

    /// <summary>Sets <paramref name="t"/> to raw mode with <paramref name="settings"/> (cfmakeraw, then framing, speed, VMIN/VTIME).</summary>
    internal static void Apply(LibC.termios* t, SerialSettings settings)
    {
        LibC.cfmakeraw(t); // no echo, no line editing, no CR/LF translation, no signals, 8 bits
        t->c_iflag &= ~(LibC.IXON | LibC.IXOFF | LibC.IXANY | LibC.INPCK | LibC.IGNPAR);
        t->c_cflag &= ~(LibC.CSIZE | LibC.PARENB | LibC.PARODD | LibC.CSTOPB | LibC.CRTSCTS);
        t->c_cflag |= LibC.CS8 | LibC.CREAD | LibC.CLOCAL;
        if (settings.Parity != SerialParity.None)
        {
            t->c_cflag |= LibC.PARENB | (settings.Parity == SerialParity.Odd ? LibC.PARODD : 0);
            t->c_iflag |= LibC.INPCK | LibC.IGNPAR; // a character with a parity error is dropped; the frame check catches the gap
        }

        if (settings.StopBits == 2)
        {
            t->c_cflag |= LibC.CSTOPB;
        }

        t->c_cc[LibC.VMIN] = 0;
        t->c_cc[LibC.VTIME] = 0;
        uint speed = LibC.BaudConstant(settings.BaudRate)
            ?? throw new ArgumentException($"{settings.BaudRate} is not a standard baud rate.", nameof(settings));
        if (LibC.cfsetspeed(t, speed) != 0)
        {
            throw new ArgumentException($"cfsetspeed refused {settings.BaudRate} baud.", nameof(settings));
        }
    }

    /// <summary>The settings that <paramref name="t"/> describes.</summary>
    internal static SerialSettings Describe(LibC.termios* t, string path)
    {
        uint speed = LibC.cfgetospeed(t);
        int rate = LibC.BaudRate(speed) ?? throw new IOException($"{path} runs at a non-standard speed (speed_t 0x{speed:X}).");
        SerialParity parity = (t->c_cflag & LibC.PARENB) == 0 ? SerialParity.None
            : (t->c_cflag & LibC.PARODD) != 0 ? SerialParity.Odd : SerialParity.Even;
        return new SerialSettings(rate, parity, (t->c_cflag & LibC.CSTOPB) != 0 ? 2 : 1);
    }

    private static bool EnableKernelRs485(FileDescriptorHandle handle, string path)
    {
        var rs485 = new LibC.serial_rs485 { flags = LibC.SER_RS485_ENABLED | LibC.SER_RS485_RTS_ON_SEND };
        if (LibC.ioctl(handle, LibC.TIOCSRS485, &rs485) == 0)
        {
            return true;
        }

        int errno = Errno.Last;
        return errno is LibC.ENOTTY or LibC.EINVAL or LibC.ENOTSUP
            ? false // the driver has no RS485 mode
            : throw Errno.Exception(errno, "ioctl TIOCSRS485", path);
    }
}
