using System.Runtime.InteropServices;
using SolarTap.Linux.Interop;

namespace SolarTap.Linux.Tests.Interop;

/// <summary>ARCHITECTURE §4.6: the packet-socket structs against &lt;linux/if_packet.h&gt; and &lt;linux/filter.h&gt;.</summary>
public unsafe class PacketSocketLayoutTests
{
    [Fact]
    public void SockaddrLl_Size_IsTwentyBytes()
    {
        // unsigned short family; __be16 protocol; int ifindex; unsigned short hatype; unsigned char pkttype, halen, addr[8];
        Assert.Equal(20, sizeof(LibC.sockaddr_ll));
        Assert.Equal(2, (int)Marshal.OffsetOf<LibC.sockaddr_ll>(nameof(LibC.sockaddr_ll.sll_protocol)));
        Assert.Equal(4, (int)Marshal.OffsetOf<LibC.sockaddr_ll>(nameof(LibC.sockaddr_ll.sll_ifindex)));
        Assert.Equal(8, (int)Marshal.OffsetOf<LibC.sockaddr_ll>(nameof(LibC.sockaddr_ll.sll_hatype)));
        Assert.Equal(10, (int)Marshal.OffsetOf<LibC.sockaddr_ll>(nameof(LibC.sockaddr_ll.sll_pkttype)));
        Assert.Equal(11, (int)Marshal.OffsetOf<LibC.sockaddr_ll>(nameof(LibC.sockaddr_ll.sll_halen)));
        Assert.Equal(12, (int)Marshal.OffsetOf<LibC.sockaddr_ll>(nameof(LibC.sockaddr_ll.sll_addr)));
    }

    [Fact]
    public void SockFilter_Size_IsEightBytes()
    {
        // __u16 code; __u8 jt; __u8 jf; __u32 k;
        Assert.Equal(8, sizeof(LibC.sock_filter));
        Assert.Equal(2, (int)Marshal.OffsetOf<LibC.sock_filter>(nameof(LibC.sock_filter.jt)));
        Assert.Equal(3, (int)Marshal.OffsetOf<LibC.sock_filter>(nameof(LibC.sock_filter.jf)));
        Assert.Equal(4, (int)Marshal.OffsetOf<LibC.sock_filter>(nameof(LibC.sock_filter.k)));
    }

    [Fact]
    public void SockFprog_Size_IsLengthThenAlignedPointer()
    {
        // unsigned short len; struct sock_filter *filter; (16 bytes on 64-bit ABIs, 8 on 32-bit ones)
        Assert.Equal(2 * IntPtr.Size, sizeof(LibC.sock_fprog));
        Assert.Equal(IntPtr.Size, (int)Marshal.OffsetOf<LibC.sock_fprog>(nameof(LibC.sock_fprog.filter)));
    }

    [Fact]
    public void PacketMreq_Size_IsSixteenBytes()
    {
        // int mr_ifindex; unsigned short mr_type; unsigned short mr_alen; unsigned char mr_address[8];
        Assert.Equal(16, sizeof(LibC.packet_mreq));
        Assert.Equal(4, (int)Marshal.OffsetOf<LibC.packet_mreq>(nameof(LibC.packet_mreq.mr_type)));
        Assert.Equal(6, (int)Marshal.OffsetOf<LibC.packet_mreq>(nameof(LibC.packet_mreq.mr_alen)));
        Assert.Equal(8, (int)Marshal.OffsetOf<LibC.packet_mreq>(nameof(LibC.packet_mreq.mr_address)));
    }

    [Theory]
    [InlineData("AF_PACKET", LibC.AF_PACKET, 17)]
    [InlineData("SOCK_RAW", LibC.SOCK_RAW, 3)]
    [InlineData("SOL_SOCKET", LibC.SOL_SOCKET, 1)]
    [InlineData("SO_RCVBUF", LibC.SO_RCVBUF, 8)]
    [InlineData("SO_ATTACH_FILTER", LibC.SO_ATTACH_FILTER, 26)]
    [InlineData("SOL_PACKET", LibC.SOL_PACKET, 263)]
    [InlineData("PACKET_ADD_MEMBERSHIP", LibC.PACKET_ADD_MEMBERSHIP, 1)]
    [InlineData("PACKET_MR_PROMISC", LibC.PACKET_MR_PROMISC, 1)]
    [InlineData("MSG_TRUNC", LibC.MSG_TRUNC, 0x20)]
    [InlineData("ENETDOWN", LibC.ENETDOWN, 100)]
    [InlineData("ETH_P_ALL", LibC.ETH_P_ALL, 3)]
    public void Constant_MatchesTheHeaders(string name, int actual, int expected)
    {
        Assert.True(expected == actual, $"{name} is {actual}, the headers say {expected}");
    }
}
