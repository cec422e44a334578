using System.Buffers.Binary;
using System.Text;
using SolarTap.Devices.Capture;
using SolarTap.Linux.Interop;
using SolarTap.Protocols.Net;

namespace SolarTap.Linux.Capture;

/// <summary>
/// A packet socket (packet(7): AF_PACKET, SOCK_RAW) bound to one interface, with a classic BPF program attached
/// (SO_ATTACH_FILTER) so the kernel copies only the frames it accepts, and the interface in promiscuous mode (a bridge
/// passes up the frames it forwards only then). Needs CAP_NET_RAW. Receives block in poll(2) slices, so a socket
/// disposed by another thread ends a receive quickly.
/// </summary>
public sealed unsafe class LinuxPacketSocket : IPacketSource
{
    /// <summary>The longest single poll(2).</summary>
    private const int PollSliceMilliseconds = 100;

    /// <summary>IFNAMSIZ - 1 (&lt;net/if.h&gt;).</summary>
    private const int MaxInterfaceName = 15;

    /// <summary>Kernel receive buffer asked for: bursts of a busy bridge wait here, not on the wire.</summary>
    private const int ReceiveBufferBytes = 4 << 20;

    private readonly FileDescriptorHandle _handle;
    private volatile bool _disposed;

    private LinuxPacketSocket(FileDescriptorHandle handle, string interfaceName, int interfaceIndex)
    {
        _handle = handle;
        InterfaceName = interfaceName;
        InterfaceIndex = interfaceIndex;
    }

    /// <inheritdoc/>
    public string InterfaceName { get; }

    /// <summary>The interface's index (if_nametoindex(3)).</summary>
    public int InterfaceIndex { get; }

    /// <summary>Starts capturing on <paramref name="interfaceName"/> with <paramref name="filter"/> attached.</summary>
    /// <exception cref="ArgumentException">The name cannot be an interface's, or the program is empty or too long.</exception>
    /// <exception cref="FileNotFoundException">There is no interface of that name.</exception>
    /// <exception cref="UnauthorizedAccessException">The process lacks CAP_NET_RAW.</exception>
    /// <exception cref="IOException">Any other failure, with the system's reason.</exception>
    public static LinuxPacketSocket Open(string interfaceName, IReadOnlyList<BpfInstruction> filter)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        ArgumentNullException.ThrowIfNull(filter);
        if (Encoding.UTF8.GetByteCount(interfaceName) > MaxInterfaceName || interfaceName.Contains('/', StringComparison.Ordinal)
            || interfaceName.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{interfaceName}' is not a network interface name (at most {MaxInterfaceName} characters, no '/' or spaces).", nameof(interfaceName));
        }

        if (filter.Count is 0 or > ushort.MaxValue)
        {
            throw new ArgumentException("A BPF program has 1 to 65535 instructions.", nameof(filter));
        }

        string device = $"capture interface {interfaceName}";
        int index = (int)LibC.if_nametoindex(interfaceName);
        if (index == 0)
        {
            throw Missing(interfaceName, Errno.Last);
        }

        // Protocol 0: the socket receives nothing until bind names one, so no frame slips in before the filter is on.
        int fd = LibC.socket(LibC.AF_PACKET, LibC.SOCK_RAW | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0);
        if (fd == -1)
        {
            throw Failure(Errno.Last, "socket(AF_PACKET, SOCK_RAW)", device);
        }

        FileDescriptorHandle handle = FileDescriptorHandle.Adopt(fd);
        try
        {
            Attach(handle, filter, device);
            int size = ReceiveBufferBytes;
            _ = LibC.setsockopt(handle, LibC.SOL_SOCKET, LibC.SO_RCVBUF, &size, sizeof(int)); // best effort: the default works too

            var address = new LibC.sockaddr_ll
            {
                sll_family = LibC.AF_PACKET,
                sll_protocol = BinaryPrimitives.ReverseEndianness(LibC.ETH_P_ALL), // htons on little-endian hosts
                sll_ifindex = index,
            };
            if (!BitConverter.IsLittleEndian)
            {
                address.sll_protocol = LibC.ETH_P_ALL;
            }

            if (LibC.bind(handle, &address, (uint)sizeof(LibC.sockaddr_ll)) == -1)
            {
                int errno = Errno.Last;
                throw errno == LibC.ENODEV ? Missing(interfaceName, errno) : Failure(errno, "bind", device);
            }

            var promiscuous = new LibC.packet_mreq { mr_ifindex = index, mr_type = LibC.PACKET_MR_PROMISC };
            if (LibC.setsockopt(handle, LibC.SOL_PACKET, LibC.PACKET_ADD_MEMBERSHIP, &promiscuous, (uint)sizeof(LibC.packet_mreq)) == -1)
            {
                throw Failure(Errno.Last, "setsockopt PACKET_ADD_MEMBERSHIP (promiscuous mode)", device);
            }

            return new LinuxPacketSocket(handle, interfaceName, index);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public int Receive(Span<byte> frame, TimeSpan timeout, out int originalLength)
    {
        originalLength = 0;
        ObjectDisposedException.ThrowIf(_disposed, this);
        bool added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            long deadline = Environment.TickCount64 + (long)Math.Ceiling(Math.Max(0, timeout.TotalMilliseconds));
            while (true)
            {
                fixed (byte* start = frame)
                {
                    nint count = LibC.recv(_handle, start, (nuint)frame.Length, LibC.MSG_TRUNC);
                    if (count >= 0)
                    {
                        originalLength = (int)count;
                        return (int)Math.Min(count, frame.Length);
                    }
                }

                int errno = Errno.Last;
                if (errno != LibC.EAGAIN && errno != LibC.EINTR)
                {
                    throw errno == LibC.ENETDOWN
                        ? new IOException($"capture interface {InterfaceName}: the interface went down or was removed (errno {errno}).", errno)
                        : Errno.Exception(errno, "recv", $"capture interface {InterfaceName}");
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || _disposed)
                {
                    return 0;
                }

                var poll = new LibC.pollfd { fd = _handle.Number, events = LibC.POLLIN };
                if (LibC.poll(&poll, 1, (int)Math.Min(remaining, PollSliceMilliseconds)) == -1 && Errno.Last != LibC.EINTR)
                {
                    throw Errno.Exception(Errno.Last, "poll", $"capture interface {InterfaceName}");
                }
            }
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        _handle.Dispose();
    }

    private static void Attach(FileDescriptorHandle handle, IReadOnlyList<BpfInstruction> filter, string device)
    {
        var code = new LibC.sock_filter[filter.Count];
        for (int i = 0; i < code.Length; i++)
        {
            code[i] = new LibC.sock_filter { code = filter[i].Code, jt = filter[i].JumpTrue, jf = filter[i].JumpFalse, k = filter[i].K };
        }

        fixed (LibC.sock_filter* start = code)
        {
            var program = new LibC.sock_fprog { len = (ushort)code.Length, filter = start };
            if (LibC.setsockopt(handle, LibC.SOL_SOCKET, LibC.SO_ATTACH_FILTER, &program, (uint)sizeof(LibC.sock_fprog)) == -1)
            {
                int errno = Errno.Last;
                throw errno == LibC.EINVAL
                    ? new ArgumentException($"{device}: the kernel rejected the BPF program (errno {errno}, EINVAL): it is not a valid classic BPF program.", nameof(filter))
                    : Failure(errno, "setsockopt SO_ATTACH_FILTER", device);
            }
        }
    }

    internal static FileNotFoundException Missing(string interfaceName, int errno) => new(
        $"capture interface {interfaceName}: there is no network interface of that name (errno {errno}). " +
        "Check capture.interface in solartap.yaml against 'ip link'; in bridge mode it is br0.", interfaceName);

    /// <summary>Errno's exception, with the capability named when the kernel said no.</summary>
    internal static Exception Failure(int errno, string operation, string device) => errno is LibC.EPERM or LibC.EACCES
        ? new UnauthorizedAccessException(
            $"{operation} {device}: not permitted (errno {errno}). Capturing needs the CAP_NET_RAW capability: run as root, " +
            "or give the service AmbientCapabilities=CAP_NET_RAW (solartap.service has it).")
        : Errno.Exception(errno, operation, device);
}
