using System.Runtime.InteropServices;
using SolarTap.Linux.Interop;

namespace SolarTap.Linux.Tests.Interop;

/// <summary>ARCHITECTURE §4.6: every interop struct size and ioctl number is pinned against the C headers.</summary>
public unsafe class TermiosLayoutTests
{
    [Fact]
    public void Termios_Size_IsGlibcSixtyBytes()
    {
        // glibc struct termios on x86-64 and arm64: 4 × tcflag_t, c_line, c_cc[32], 3 bytes padding, 2 × speed_t.
        Assert.Equal(60, sizeof(LibC.termios));
        Assert.Equal(16, (int)Marshal.OffsetOf<LibC.termios>(nameof(LibC.termios.c_line)));
        Assert.Equal(17, (int)Marshal.OffsetOf<LibC.termios>(nameof(LibC.termios.c_cc)));
        Assert.Equal(52, (int)Marshal.OffsetOf<LibC.termios>(nameof(LibC.termios.c_ispeed)));
        Assert.Equal(56, (int)Marshal.OffsetOf<LibC.termios>(nameof(LibC.termios.c_ospeed)));
    }

    [Fact]
    public void SerialRs485_Size_IsThirtyTwoBytes()
    {
        // <linux/serial.h>: flags, delay_rts_before_send, delay_rts_after_send, then a 20-byte union.
        Assert.Equal(32, sizeof(LibC.serial_rs485));
        Assert.Equal(4, (int)Marshal.OffsetOf<LibC.serial_rs485>(nameof(LibC.serial_rs485.delay_rts_before_send)));
        Assert.Equal(12, (int)Marshal.OffsetOf<LibC.serial_rs485>(nameof(LibC.serial_rs485.padding)));
    }

    [Theory]
    [InlineData(LibC.TCGETS, 0x5401u)]
    [InlineData(LibC.TCSETS, 0x5402u)]
    [InlineData(LibC.TCSBRK, 0x5409u)]
    [InlineData(LibC.TCFLSH, 0x540Bu)]
    [InlineData(LibC.TIOCEXCL, 0x540Cu)]
    [InlineData(LibC.TIOCNXCL, 0x540Du)]
    [InlineData(LibC.TIOCGRS485, 0x542Eu)]
    [InlineData(LibC.TIOCSRS485, 0x542Fu)]
    [InlineData(LibC.TIOCGPTN, 0x80045430u)]
    [InlineData(LibC.TIOCSPTLCK, 0x40045431u)]
    public void IoctlNumber_MatchesAsmGenericIoctls(uint actual, uint expected)
    {
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void IoctlNumbers_EncodedWithIoMacros_MatchTheConstants()
    {
        // _IOC(dir, type, nr, size) = dir << 30 | size << 16 | type << 8 | nr; _IOR dir 2, _IOW dir 1.
        static uint Ioc(uint dir, char type, uint nr, uint size) => (dir << 30) | (size << 16) | ((uint)type << 8) | nr;
        uint[] constants = [LibC.TIOCGPTN, LibC.TIOCSPTLCK];
        Assert.Equal([Ioc(2, 'T', 0x30, sizeof(uint)), Ioc(1, 'T', 0x31, sizeof(int))], constants);
    }

    [Theory]
    [InlineData(LibC.CS8, "0000060")]
    [InlineData(LibC.CSTOPB, "0000100")]
    [InlineData(LibC.CREAD, "0000200")]
    [InlineData(LibC.PARENB, "0000400")]
    [InlineData(LibC.PARODD, "0001000")]
    [InlineData(LibC.CLOCAL, "0004000")]
    [InlineData(LibC.CRTSCTS, "020000000000")]
    [InlineData(LibC.INPCK, "0000020")]
    [InlineData(LibC.IXON, "0002000")]
    [InlineData(LibC.IXOFF, "0010000")]
    [InlineData(LibC.ICANON, "0000002")]
    [InlineData(LibC.ECHO, "0000010")]
    public void TermiosFlag_MatchesTheOctalValueOfTermbits(uint actual, string octal)
    {
        Assert.Equal(Convert.ToUInt32(octal, 8), actual);
    }

    [Fact]
    public void ControlCharacterIndicesAndRs485Flags_MatchTheHeaders()
    {
        int[] indices = [LibC.VTIME, LibC.VMIN];
        uint[] flags = [LibC.SER_RS485_ENABLED, LibC.SER_RS485_RTS_ON_SEND, LibC.SER_RS485_RTS_AFTER_SEND, LibC.SER_RS485_RX_DURING_TX];
        Assert.Equal([5, 6], indices);
        Assert.Equal([1u, 2u, 4u, 16u], flags);
    }

    [Theory]
    [InlineData(9600, "0000015")]
    [InlineData(38400, "0000017")]
    [InlineData(57600, "0010001")]
    [InlineData(115200, "0010002")]
    [InlineData(230400, "0010003")]
    [InlineData(921600, "0010007")]
    [InlineData(4000000, "0010017")]
    public void BaudConstant_StandardRate_MatchesTermbits(int rate, string octal)
    {
        Assert.Equal(Convert.ToUInt32(octal, 8), LibC.BaudConstant(rate));
        Assert.Equal(rate, LibC.BaudRate(Convert.ToUInt32(octal, 8)));
    }

    [Fact]
    public void BaudConstant_EveryStandardRateOfSerialSettings_IsKnown()
    {
        foreach (int rate in SolarTap.Devices.Serial.SerialSettings.StandardBaudRates)
        {
            Assert.NotNull(LibC.BaudConstant(rate));
        }

        Assert.Null(LibC.BaudConstant(12345));
    }
}
