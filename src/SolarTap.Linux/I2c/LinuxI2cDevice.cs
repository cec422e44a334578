using System.Globalization;
using SolarTap.Devices.Oled;
using SolarTap.Linux.Interop;

namespace SolarTap.Linux.I2c;

/// <summary>
/// One device on an I2C bus through i2c-dev (&lt;linux/i2c-dev.h&gt;): opens <c>/dev/i2c-N</c>, checks that the
/// adapter does plain I2C (I2C_FUNCS), selects the 7-bit address (I2C_SLAVE), and sends each
/// <see cref="Write"/> as one write(2), which i2c-dev turns into one START, address+W, data, STOP transaction.
/// </summary>
public sealed unsafe class LinuxI2cDevice : II2cDevice, IDisposable
{
    /// <summary>What to do when the bus is missing on a Raspberry Pi.</summary>
    public const string EnableHint = "on Raspberry Pi OS, add dtparam=i2c_arm=on to config.txt and reboot (the SolarTap image enables the bus already)";

    private readonly FileDescriptorHandle _fd;

    private LinuxI2cDevice(FileDescriptorHandle fd, string bus, int address)
    {
        _fd = fd;
        Bus = bus;
        Address = address;
    }

    /// <summary>The bus device path.</summary>
    public string Bus { get; }

    /// <summary>The 7-bit address.</summary>
    public int Address { get; }

    /// <summary>Opens <paramref name="bus"/> and addresses <paramref name="address"/>. Nothing is sent yet, so a
    /// missing device is only noticed on the first <see cref="Write"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The address is not a 7-bit address from 0x08 to 0x77.</exception>
    /// <exception cref="FileNotFoundException">The bus does not exist (the message says how to enable it).</exception>
    /// <exception cref="UnauthorizedAccessException">Not permitted (the user is not in group i2c).</exception>
    /// <exception cref="IOException">It is not an I2C bus, the adapter cannot do plain I2C, or a kernel driver owns the address.</exception>
    public static LinuxI2cDevice Open(string bus, int address)
    {
        ArgumentException.ThrowIfNullOrEmpty(bus);
        if (address is < 0x08 or > 0x77)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, $"An I2C device address is a 7-bit address from 0x08 to 0x77, not 0x{address:X2}.");
        }

        FileDescriptorHandle fd;
        try
        {
            fd = FileDescriptorHandle.Open(bus, LibC.O_RDWR);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"I2C bus {bus} does not exist: {EnableHint}, or set the bus in solartap.yaml.", bus, e);
        }

        try
        {
            ulong funcs = 0;
            if (LibC.ioctl(fd, I2cDev.I2C_FUNCS, &funcs) == -1)
            {
                int errno = Errno.Last;
                throw errno == LibC.ENOTTY
                    ? new IOException($"{bus} is not an I2C bus device (I2C_FUNCS: errno {errno}).", errno)
                    : Errno.Exception(errno, "I2C_FUNCS", bus);
            }

            if ((funcs & I2cDev.I2C_FUNC_I2C) == 0)
            {
                throw new IOException($"The adapter of {bus} cannot do plain I2C transfers (I2C_FUNCS 0x{funcs:X}), which the display needs.");
            }

            if (LibC.ioctl(fd, I2cDev.I2C_SLAVE, (nint)address) == -1)
            {
                int errno = Errno.Last;
                throw errno == LibC.EBUSY
                    ? new IOException($"Address 0x{address:X2} on {bus} is claimed by a kernel driver (a device-tree overlay?); remove that overlay from config.txt.", errno)
                    : Errno.Exception(errno, $"I2C_SLAVE 0x{address:X2}", bus);
            }

            return new LinuxI2cDevice(fd, bus, address);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>One write transaction of <paramref name="data"/>.</summary>
    /// <exception cref="IOException">No device acknowledged (the message says "no device at 0x3C"), or the bus failed.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        nint written;
        fixed (byte* bytes = data)
        {
            written = LibC.write(_fd, bytes, (nuint)data.Length);
        }

        if (written == -1)
        {
            int errno = Errno.Last;
            throw errno is LibC.ENXIO or I2cDev.EREMOTEIO or LibC.EIO or LibC.ETIMEDOUT
                ? new IOException(string.Create(CultureInfo.InvariantCulture,
                    $"no device at 0x{Address:X2} on {Bus} (errno {errno}: no acknowledge). Check the display's wiring (SDA, SCL, 3.3 V, GND) and its address (0x3C, or 0x3D with SA0 high)."), errno)
                : Errno.Exception(errno, "write", Bus);
        }

        if (written != data.Length)
        {
            throw new IOException($"write {Bus}: {written} of {data.Length} bytes sent to 0x{Address:X2}.");
        }
    }

    /// <summary>Closes the bus device.</summary>
    public void Dispose() => _fd.Dispose();
}
