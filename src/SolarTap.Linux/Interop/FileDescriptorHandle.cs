using System.Runtime.InteropServices;

namespace SolarTap.Linux.Interop;

/// <summary>
/// An open Linux file descriptor (ARCHITECTURE §4.5: every fd is a SafeHandle), closed with close(2) exactly once.
/// </summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    /// <summary>An invalid handle (the interop marshaller needs this constructor).</summary>
    public FileDescriptorHandle()
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
    }

    private FileDescriptorHandle(int fd)
        : this()
    {
        SetHandle(fd);
    }

    /// <summary>Opens <paramref name="path"/> with open(2) <paramref name="flags"/> (O_CLOEXEC is always added).</summary>
    /// <exception cref="FileNotFoundException">The device does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The user may not open it.</exception>
    /// <exception cref="IOException">Any other failure, with the system's reason.</exception>
    public static FileDescriptorHandle Open(string path, int flags)
    {
        int fd = Errno.Check(LibC.open(path, flags | LibC.O_CLOEXEC, 0), "open", path);
        return new FileDescriptorHandle(fd);
    }

    /// <summary>Takes ownership of <paramref name="fd"/>, a descriptor the kernel handed back through an ioctl
    /// (such as the line fd of GPIO_V2_GET_LINE_IOCTL), so it is closed exactly once.</summary>
    public static FileDescriptorHandle Adopt(int fd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fd);
        return new FileDescriptorHandle(fd);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle < 0;

    /// <summary>The descriptor number, for poll(2) and diagnostics.</summary>
    public int Number => (int)handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => LibC.close((int)handle) == 0;
}
