using System.Runtime.InteropServices;

namespace SolarTap.Linux.Interop;

// <fcntl.h>, <unistd.h>, <sys/ioctl.h>, <poll.h> from glibc. C names are kept (ARCHITECTURE §4.5).
#pragma warning disable CA1707, IDE1006, CS8981 // C names

/// <summary>The libc calls shared by every device: open, close, read, write, ioctl, poll.</summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    /// <summary>open(2) flags from &lt;asm-generic/fcntl.h&gt; (identical on x86-64 and arm64).</summary>
    internal const int O_RDONLY = 0x0, O_WRONLY = 0x1, O_RDWR = 0x2, O_NOCTTY = 0x100, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;

    /// <summary>poll(2) event bits from &lt;asm-generic/poll.h&gt;.</summary>
    internal const short POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;

    /// <summary>errno values from &lt;asm-generic/errno-base.h&gt; and &lt;asm-generic/errno.h&gt;.</summary>
    internal const int EPERM = 1, ENOENT = 2, EINTR = 4, EIO = 5, ENXIO = 6, EAGAIN = 11, EACCES = 13, EBUSY = 16,
        ENODEV = 19, EINVAL = 22, ENOTTY = 25, ENOTSUP = 95, ETIMEDOUT = 110;

    /// <summary>struct pollfd from &lt;poll.h&gt;.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct pollfd
    {
        public int fd;
        public short events;
        public short revents;
    }

    /// <summary>open(2). Returns a plain int (a SafeHandle return would be pointer-sized and misread -1); wrap it
    /// with <see cref="FileDescriptorHandle.Open"/>.</summary>
    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string pathname, int flags, uint mode);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    internal static partial nint read(FileDescriptorHandle fd, byte* buf, nuint count);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    internal static partial nint write(FileDescriptorHandle fd, byte* buf, nuint count);

    /// <summary>ioctl(2) with a pointer argument (the variadic third argument is passed like a fixed one on the
    /// x86-64 and AArch64 Linux ABIs).</summary>
    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int ioctl(FileDescriptorHandle fd, nuint request, void* argp);

    /// <summary>ioctl(2) with an integer argument or none.</summary>
    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int ioctl(FileDescriptorHandle fd, nuint request, nint arg);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    internal static partial int poll(pollfd* fds, nuint nfds, int timeout);
}
