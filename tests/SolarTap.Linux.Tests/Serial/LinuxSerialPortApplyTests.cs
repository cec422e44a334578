using SolarTap.Devices.Serial;
using SolarTap.Linux.Interop;
using SolarTap.Linux.Serial;

namespace SolarTap.Linux.Tests.Serial;

/// <summary>The termios flags built for each framing, checked without a device (a pty cannot carry parity).</summary>
public unsafe class LinuxSerialPortApplyTests
{
    [Theory]
    [InlineData(SerialParity.None, 1, 0u)]
    [InlineData(SerialParity.Even, 1, LibC.PARENB)]
    [InlineData(SerialParity.Odd, 1, LibC.PARENB | LibC.PARODD)]
    [InlineData(SerialParity.None, 2, LibC.CSTOPB)]
    public void Apply_Framing_SetsExactlyTheFramingBits(SerialParity parity, int stopBits, uint expected)
    {
        var settings = new SerialSettings(115200, parity, stopBits);
        LibC.termios t = Noisy();

        LinuxSerialPort.Apply(&t, settings);

        Assert.Equal(expected, t.c_cflag & (LibC.PARENB | LibC.PARODD | LibC.CSTOPB));
        Assert.Equal(LibC.CS8, t.c_cflag & LibC.CSIZE);
        Assert.Equal(LibC.CREAD | LibC.CLOCAL, t.c_cflag & (LibC.CREAD | LibC.CLOCAL));
        Assert.Equal(0u, t.c_cflag & LibC.CRTSCTS);
        Assert.Equal(parity == SerialParity.None ? 0u : LibC.INPCK, t.c_iflag & LibC.INPCK);
        Assert.Equal(settings, LinuxSerialPort.Describe(&t, "test"));
    }

    [Fact]
    public void Apply_AnyStartingState_IsRawWithNonBlockingReads()
    {
        LibC.termios t = Noisy();

        LinuxSerialPort.Apply(&t, new SerialSettings(9600));

        Assert.Equal(0u, t.c_lflag & (LibC.ICANON | LibC.ECHO | LibC.ISIG | LibC.IEXTEN));
        Assert.Equal(0u, t.c_oflag & LibC.OPOST);
        Assert.Equal(0u, t.c_iflag & (LibC.IXON | LibC.IXOFF | LibC.ICRNL | LibC.INLCR | LibC.IGNCR | LibC.ISTRIP));
        Assert.Equal(0, t.c_cc[LibC.VMIN]);
        Assert.Equal(0, t.c_cc[LibC.VTIME]);
        Assert.Equal(LibC.BaudConstant(9600), LibC.cfgetospeed(&t));
        Assert.Equal(LibC.BaudConstant(9600), LibC.cfgetispeed(&t));
    }

    private static LibC.termios Noisy()
    {
        // A cooked terminal with every option a previous user might have left on.
        var t = new LibC.termios
        {
            c_iflag = LibC.IXON | LibC.IXOFF | LibC.ICRNL | LibC.ISTRIP | LibC.INPCK,
            c_oflag = LibC.OPOST,
            c_cflag = LibC.PARENB | LibC.PARODD | LibC.CSTOPB | LibC.CRTSCTS,
            c_lflag = LibC.ICANON | LibC.ECHO | LibC.ISIG | LibC.IEXTEN,
        };
        t.c_cc[LibC.VMIN] = 1;
        t.c_cc[LibC.VTIME] = 5;
        return t;
    }
}
