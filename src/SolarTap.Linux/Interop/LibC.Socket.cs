using System.Runtime.InteropServices;

namespace SolarTap.Linux.Interop;

// <sys/socket.h>, <net/if.h>, <linux/if_packet.h> (struct sockaddr_ll, struct packet_mreq),
// <linux/if_ether.h> (ETH_P_ALL), <linux/filter.h> (struct sock_filter, struct sock_fprog) and
// <asm-generic/socket.h> (SO_*). C names are kept (ARCHITECTURE §4.5).
#pragma warning disable CA1707, IDE1006, CS8981 // C names

internal static unsafe partial class LibC
{
    /// <summary>Address and protocol families, socket types and type flags.</summary>
    internal const int AF_PACKET = 17, SOCK_RAW = 3, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;

    /// <summary>Every protocol, in host order (bind wants it in network order: <c>htons(ETH_P_ALL)</c>).</summary>
    internal const ushort ETH_P_ALL = 0x0003;

    /// <summary>Socket option levels and names (asm-generic, the same on x86-64 and arm64).</summary>
    internal const int SOL_SOCKET = 1, SO_RCVBUF = 8, SO_ATTACH_FILTER = 26, SOL_PACKET = 263;

    /// <summary>SOL_PACKET options and membership types (&lt;linux/if_packet.h&gt;).</summary>
    internal const int PACKET_ADD_MEMBERSHIP = 1, PACKET_MR_PROMISC = 1;

    /// <summary>recv(2) flag: return the real length of a datagram longer than the buffer.</summary>
    internal const int MSG_TRUNC = 0x20;

    /// <summary>errno values for sockets (&lt;asm-generic/errno.h&gt;).</summary>
    internal const int EAFNOSUPPORT = 97, ENETDOWN = 100, ENOBUFS = 105;

    /// <summary>struct sockaddr_ll (20 bytes): a link-layer address for packet sockets.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct sockaddr_ll
    {
        public ushort sll_family;
        public ushort sll_protocol; // network byte order
        public int sll_ifindex;
        public ushort sll_hatype;
        public byte sll_pkttype;
        public byte sll_halen;
        public fixed byte sll_addr[8];
    }

    /// <summary>struct sock_filter (8 bytes): one classic BPF instruction.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct sock_filter
    {
        public ushort code;
        public byte jt;
        public byte jf;
        public uint k;
    }

    /// <summary>struct sock_fprog: instruction count and a pointer to the program (16 bytes on 64-bit, 8 on 32-bit).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct sock_fprog
    {
        public ushort len;
        public sock_filter* filter;
    }

    /// <summary>struct packet_mreq (16 bytes): a membership of a packet socket, such as promiscuous mode.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct packet_mreq
    {
        public int mr_ifindex;
        public ushort mr_type;
        public ushort mr_alen;
        public fixed byte mr_address[8];
    }

    /// <summary>socket(2). Returns a plain int; wrap it with <see cref="FileDescriptorHandle.Adopt"/>.</summary>
    [LibraryImport(Library, EntryPoint = "socket", SetLastError = true)]
    internal static partial int socket(int domain, int type, int protocol);

    [LibraryImport(Library, EntryPoint = "bind", SetLastError = true)]
    internal static partial int bind(FileDescriptorHandle sockfd, sockaddr_ll* addr, uint addrlen);

    [LibraryImport(Library, EntryPoint = "setsockopt", SetLastError = true)]
    internal static partial int setsockopt(FileDescriptorHandle sockfd, int level, int optname, void* optval, uint optlen);

    [LibraryImport(Library, EntryPoint = "recv", SetLastError = true)]
    internal static partial nint recv(FileDescriptorHandle sockfd, byte* buf, nuint len, int flags);

    /// <summary>if_nametoindex(3): the interface's index, or 0 (errno ENODEV) when there is none of that name.</summary>
    [LibraryImport(Library, EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint if_nametoindex(string ifname);
}
