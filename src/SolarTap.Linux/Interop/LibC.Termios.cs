using System.Runtime.InteropServices;

namespace SolarTap.Linux.Interop;

// <termios.h> (glibc), <asm-generic/termbits.h>, <asm-generic/ioctls.h>. C names are kept (ARCHITECTURE §4.5).
// The flag values are octal in the headers; they are written here in hexadecimal.
#pragma warning disable CA1707, IDE1006, CS8981 // C names

internal static unsafe partial class LibC
{
    /// <summary>NCCS from glibc's &lt;bits/termios-struct.h&gt;: the size of c_cc in glibc's struct termios.</summary>
    internal const int NCCS = 32;

    /// <summary>c_iflag bits.</summary>
    internal const uint IGNBRK = 0x1, BRKINT = 0x2, IGNPAR = 0x4, PARMRK = 0x8, INPCK = 0x10, ISTRIP = 0x20,
        INLCR = 0x40, IGNCR = 0x80, ICRNL = 0x100, IXON = 0x400, IXANY = 0x800, IXOFF = 0x1000;

    /// <summary>c_oflag bits.</summary>
    internal const uint OPOST = 0x1;

    /// <summary>c_cflag bits.</summary>
    internal const uint CBAUD = 0x100F, CSIZE = 0x30, CS8 = 0x30, CSTOPB = 0x40, CREAD = 0x80, PARENB = 0x100,
        PARODD = 0x200, HUPCL = 0x400, CLOCAL = 0x800, CBAUDEX = 0x1000, CRTSCTS = 0x8000_0000;

    /// <summary>c_lflag bits.</summary>
    internal const uint ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, ECHOE = 0x10, ECHOK = 0x20, ECHONL = 0x40, IEXTEN = 0x8000;

    /// <summary>c_cc indices.</summary>
    internal const int VTIME = 5, VMIN = 6;

    /// <summary>tcsetattr optional_actions and tcflush queue selectors.</summary>
    internal const int TCSANOW = 0, TCIFLUSH = 0, TCOFLUSH = 1, TCIOFLUSH = 2;

    /// <summary>Terminal ioctl requests (identical on x86-64 and arm64).</summary>
    internal const uint TCGETS = 0x5401, TCSETS = 0x5402, TCSBRK = 0x5409, TCFLSH = 0x540B, TIOCEXCL = 0x540C,
        TIOCNXCL = 0x540D, TIOCGRS485 = 0x542E, TIOCSRS485 = 0x542F;

    /// <summary>Pseudo-terminal ioctls: _IOR('T', 0x30, unsigned int) and _IOW('T', 0x31, int).</summary>
    internal const uint TIOCGPTN = 0x8004_5430, TIOCSPTLCK = 0x4004_5431;

    /// <summary>
    /// glibc's struct termios (60 bytes on x86-64 and arm64): the four flag words, the line discipline, 32 control
    /// characters, then (after 3 bytes of padding) the input and output speeds.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct termios
    {
        public uint c_iflag;
        public uint c_oflag;
        public uint c_cflag;
        public uint c_lflag;
        public byte c_line;
        public fixed byte c_cc[NCCS];
        public uint c_ispeed;
        public uint c_ospeed;
    }

    [LibraryImport(Library, EntryPoint = "tcgetattr", SetLastError = true)]
    internal static partial int tcgetattr(FileDescriptorHandle fd, termios* termios_p);

    [LibraryImport(Library, EntryPoint = "tcsetattr", SetLastError = true)]
    internal static partial int tcsetattr(FileDescriptorHandle fd, int optional_actions, termios* termios_p);

    [LibraryImport(Library, EntryPoint = "cfmakeraw")]
    internal static partial void cfmakeraw(termios* termios_p);

    /// <summary>cfsetspeed(3): takes a B-constant (glibc also accepts the plain rate for the standard ones).</summary>
    [LibraryImport(Library, EntryPoint = "cfsetspeed", SetLastError = true)]
    internal static partial int cfsetspeed(termios* termios_p, uint speed);

    [LibraryImport(Library, EntryPoint = "cfgetospeed")]
    internal static partial uint cfgetospeed(termios* termios_p);

    [LibraryImport(Library, EntryPoint = "cfgetispeed")]
    internal static partial uint cfgetispeed(termios* termios_p);

    [LibraryImport(Library, EntryPoint = "tcdrain", SetLastError = true)]
    internal static partial int tcdrain(FileDescriptorHandle fd);

    [LibraryImport(Library, EntryPoint = "tcflush", SetLastError = true)]
    internal static partial int tcflush(FileDescriptorHandle fd, int queue_selector);

    /// <summary>The speed_t B-constant of each standard rate (&lt;asm-generic/termbits.h&gt;), in rate order.</summary>
    internal static readonly (int Rate, uint Constant)[] BaudConstants =
    [
        (50, 0x1), (75, 0x2), (110, 0x3), (134, 0x4), (150, 0x5), (200, 0x6), (300, 0x7), (600, 0x8), (1200, 0x9),
        (1800, 0xA), (2400, 0xB), (4800, 0xC), (9600, 0xD), (19200, 0xE), (38400, 0xF),
        (57600, 0x1001), (115200, 0x1002), (230400, 0x1003), (460800, 0x1004), (500000, 0x1005), (576000, 0x1006),
        (921600, 0x1007), (1000000, 0x1008), (1152000, 0x1009), (1500000, 0x100A), (2000000, 0x100B),
        (2500000, 0x100C), (3000000, 0x100D), (3500000, 0x100E), (4000000, 0x100F),
    ];

    /// <summary>The B-constant for <paramref name="rate"/>, or null when the rate is not a standard one.</summary>
    internal static uint? BaudConstant(int rate)
    {
        foreach ((int r, uint constant) in BaudConstants)
        {
            if (r == rate)
            {
                return constant;
            }
        }

        return null;
    }

    /// <summary>The rate of a B-constant, or null.</summary>
    internal static int? BaudRate(uint constant)
    {
        foreach ((int rate, uint c) in BaudConstants)
        {
            if (c == constant)
            {
                return rate;
            }
        }

        return null;
    }
}
