using System.Net;
using System.Net.Sockets;
using SolarTap.Linux.Capture;
using SolarTap.Linux.Interop;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Linux.Tests.Capture;

/// <summary>
/// The packet socket against the real kernel, on the loopback interface (its frames carry an Ethernet header of
/// zeros): the BPF program from <see cref="BpfFilters"/> must let through exactly the TCP segments of the listed port.
/// Needs CAP_NET_RAW (the tests run as root).
/// </summary>
public class LinuxPacketSocketTests
{
    [Fact]
    public async Task Receive_Loopback_OnlyTcpOfTheFilteredPortArrives()
    {
        RequireCapture();
        using var wanted = new TcpListener(IPAddress.Loopback, 0);
        using var other = new TcpListener(IPAddress.Loopback, 0);
        wanted.Start();
        other.Start();
        ushort port = (ushort)((IPEndPoint)wanted.LocalEndpoint).Port;
        ushort otherPort = (ushort)((IPEndPoint)other.LocalEndpoint).Port;
        using LinuxPacketSocket socket = LinuxPacketSocket.Open("lo", BpfFilters.TcpPorts([port]));
        Assert.True(socket.InterfaceIndex > 0);

        // Traffic the filter must drop: TCP to another port, UDP to the same port number.
        await SendAsync(other, otherPort, "not for the capture"u8.ToArray());
        using (var udp = new UdpClient())
        {
            await udp.SendAsync("udp, same port"u8.ToArray(), new IPEndPoint(IPAddress.Loopback, port));
        }

        await SendAsync(wanted, port, "hello capture"u8.ToArray());

        byte[] frame = new byte[BpfFilters.DefaultSnapLength];
        var seen = new List<TcpPacket>();
        bool payloadSeen = false;
        int length;
        while ((length = socket.Receive(frame, TimeSpan.FromMilliseconds(500), out int original)) > 0)
        {
            Assert.Equal(original, length);
            Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(frame.AsSpan(0, length), LinkType.Ethernet, out TcpPacket tcp));
            seen.Add(tcp);
            payloadSeen |= tcp.PayloadOf(frame.AsSpan(0, length)).SequenceEqual("hello capture"u8);
        }

        Assert.NotEmpty(seen);
        Assert.All(seen, tcp => Assert.True(tcp.SourcePort == port || tcp.DestinationPort == port, $"{tcp.Flow} passed the filter"));
        Assert.Contains(seen, tcp => tcp.SourcePort == port); // both directions
        Assert.Contains(seen, tcp => (tcp.Flags & TcpControlBits.Syn) != 0);
        Assert.True(payloadSeen);
    }

    [Fact]
    public void Receive_NothingToCapture_ReturnsZeroAfterTheTimeout()
    {
        RequireCapture();
        using LinuxPacketSocket socket = LinuxPacketSocket.Open("lo", BpfFilters.TcpPorts([1]));
        var clock = global::System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal(0, socket.Receive(new byte[2048], TimeSpan.FromMilliseconds(200), out _));
        Assert.InRange(clock.ElapsedMilliseconds, 150, 5000);
    }

    [Fact]
    public async Task Receive_DisposedByAnotherThread_EndsWithinAPollSlice()
    {
        RequireCapture();
        LinuxPacketSocket socket = LinuxPacketSocket.Open("lo", BpfFilters.TcpPorts([1]));
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        Task<int> receiving = Task.Run(() => socket.Receive(new byte[2048], TimeSpan.FromSeconds(30), out _));
        await Task.Delay(100);
        socket.Dispose();

        await receiving.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.InRange(clock.ElapsedMilliseconds, 0, 5000);
    }

    [Fact]
    public void Open_MissingInterface_SaysSoAndNamesTheSetting()
    {
        FileNotFoundException missing = Assert.Throws<FileNotFoundException>(() => LinuxPacketSocket.Open("st-nosuch0", BpfFilters.TcpPorts([22222])));

        Assert.Contains("st-nosuch0", missing.Message, StringComparison.Ordinal);
        Assert.Contains("capture.interface", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a-name-that-is-too-long")]
    [InlineData("../eth0")]
    [InlineData("eth 0")]
    public void Open_NotAnInterfaceName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => LinuxPacketSocket.Open(name, BpfFilters.TcpPorts([22222])));
    }

    [Fact]
    public void Open_ProgramTheKernelRejects_ThrowsArgumentException()
    {
        RequireCapture();
        BpfInstruction[] jumpsOffTheEnd = [new(BpfInstruction.JumpIfEqual, 5, 5, 0)];

        Assert.Throws<ArgumentException>(() => LinuxPacketSocket.Open("lo", jumpsOffTheEnd));
    }

    [Theory]
    [InlineData(LibC.EPERM)]
    [InlineData(LibC.EACCES)]
    public void Failure_NotPermitted_NamesTheCapability(int errno)
    {
        Exception e = LinuxPacketSocket.Failure(errno, "socket(AF_PACKET, SOCK_RAW)", "capture interface br0");

        UnauthorizedAccessException denied = Assert.IsType<UnauthorizedAccessException>(e);
        Assert.Contains("CAP_NET_RAW", denied.Message, StringComparison.Ordinal);
        Assert.Contains("br0", denied.Message, StringComparison.Ordinal);
    }

    private static async Task SendAsync(TcpListener listener, ushort port, byte[] data)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        using TcpClient accepted = await listener.AcceptTcpClientAsync();
        await client.GetStream().WriteAsync(data);
        byte[] received = new byte[data.Length];
        await accepted.GetStream().ReadExactlyAsync(received);
    }

    /// <summary>Capturing needs CAP_NET_RAW; the Linux tests run as root (test.sh, CI).</summary>
    private static void RequireCapture()
    {
        Assert.True(Environment.UserName == "root", "Packet socket tests need CAP_NET_RAW: run them as root.");
    }
}
