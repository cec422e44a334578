using SolarTap.Linux.Interop;

namespace SolarTap.Linux.Tests.Interop;

public unsafe class LibCTests
{
    [Fact]
    public void PollFd_MatchesTheKernelLayout()
    {
        // struct pollfd { int fd; short events; short revents; } is 8 bytes on every Linux ABI.
        Assert.Equal(8, sizeof(LibC.pollfd));
    }

    [Fact]
    public void Open_MissingDevice_ThrowsFileNotFoundNamingThePath()
    {
        FileNotFoundException notFound = Assert.Throws<FileNotFoundException>(
            () => FileDescriptorHandle.Open("/dev/solartap-no-such-device", LibC.O_RDWR));

        Assert.Contains("/dev/solartap-no-such-device", notFound.Message, StringComparison.Ordinal);
        Assert.Contains("errno 2", notFound.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenPoll_DevNull_IsWritableAndTakesEveryByte()
    {
        using FileDescriptorHandle handle = FileDescriptorHandle.Open("/dev/null", LibC.O_WRONLY);
        byte* data = stackalloc byte[16];
        Assert.Equal(16, Errno.Check(LibC.write(handle, data, 16), "write", "/dev/null"));

        var poll = new LibC.pollfd { fd = handle.Number, events = LibC.POLLOUT };
        Assert.Equal(1, Errno.Check(LibC.poll(&poll, 1, 0), "poll", "/dev/null"));
        Assert.Equal(LibC.POLLOUT, poll.revents & LibC.POLLOUT);
    }

    [Fact]
    public void Ioctl_OnANonTerminal_FailsWithENOTTY()
    {
        using FileDescriptorHandle handle = FileDescriptorHandle.Open("/dev/null", LibC.O_RDONLY);
        const nuint TIOCEXCL = 0x540C; // <asm-generic/ioctls.h>
        Assert.Equal(-1, LibC.ioctl(handle, TIOCEXCL, 0));
        Assert.Equal(LibC.ENOTTY, Errno.Last);
        Assert.IsType<IOException>(Errno.Exception(LibC.ENOTTY, "ioctl TIOCEXCL", "/dev/null"));
    }
}
