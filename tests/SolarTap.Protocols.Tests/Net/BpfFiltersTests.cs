using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using TestData = SolarTap.Testing.TestData;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Protocols.Tests.Net;

public class BpfFiltersTests
{
    private static readonly ushort[] SolarEdgePorts = [22222, 22221, 80];

    private static readonly TcpFrameWriter InverterToServer = new()
    {
        SourceMac = new MacAddress(0x0027_021A_0823UL),
        DestinationMac = new MacAddress(0x0200_0000_0001UL),
        Source = InetAddress.Parse("192.0.2.10"),
        Destination = InetAddress.Parse("198.51.100.20"),
        SourcePort = 3051,
        DestinationPort = 22222,
    };

    [Fact]
    public void TcpPorts_ThreePorts_HasTheDocumentedShape()
    {
        BpfInstruction[] program = BpfFilters.TcpPorts(SolarEdgePorts);

        Assert.Equal(7 + 2 + (2 * 3) + 2, program.Length);
        Assert.Equal(new BpfInstruction(BpfInstruction.LoadHalfAbsolute, 0, 0, 12), program[0]);
        Assert.Equal(new BpfInstruction(BpfInstruction.Return, 0, 0, BpfFilters.DefaultSnapLength), program[^2]);
        Assert.Equal(new BpfInstruction(BpfInstruction.Return, 0, 0, 0), program[^1]);
        for (int pc = 0; pc < program.Length; pc++)
        {
            if (program[pc].Code is not (BpfInstruction.JumpIfEqual or BpfInstruction.JumpIfAnySet))
            {
                continue;
            }

            // Every jump lands on an instruction of the program (the kernel's checker refuses it otherwise).
            Assert.True(pc + 1 + program[pc].JumpTrue < program.Length && pc + 1 + program[pc].JumpFalse < program.Length, $"instruction {pc}");
        }
    }

    [Theory]
    [InlineData(3051, 22222, true)]
    [InlineData(22222, 3051, true)] // the server's direction
    [InlineData(40000, 22221, true)]
    [InlineData(80, 51000, true)]
    [InlineData(3051, 22223, false)]
    [InlineData(443, 51000, false)]
    public void TcpPorts_IPv4TcpFrame_KeptWhenEitherPortIsListed(int sourcePort, int destinationPort, bool kept)
    {
        byte[] frame = Frame(InverterToServer with { SourcePort = (ushort)sourcePort, DestinationPort = (ushort)destinationPort }, "hello"u8);

        uint verdict = BpfInterpreter.Run(BpfFilters.TcpPorts(SolarEdgePorts), frame);

        Assert.Equal(kept ? BpfFilters.DefaultSnapLength : 0u, verdict);
    }

    [Fact]
    public void TcpPorts_UdpToAListedPort_Dropped()
    {
        byte[] frame = Frame(InverterToServer, "hello"u8);
        frame[14 + 9] = 17; // UDP; the ports sit where TCP's do

        Assert.Equal(0u, BpfInterpreter.Run(BpfFilters.TcpPorts(SolarEdgePorts), frame));
    }

    [Fact]
    public void TcpPorts_IPv6Tcp_Dropped()
    {
        byte[] frame = Frame(InverterToServer with { Source = InetAddress.Parse("2001:db8::10"), Destination = InetAddress.Parse("2001:db8::20") }, "hello"u8);

        Assert.Equal(0u, BpfInterpreter.Run(BpfFilters.TcpPorts(SolarEdgePorts), frame));
    }

    [Fact]
    public void TcpPorts_LaterFragment_DroppedAndFirstFragmentKept()
    {
        byte[] later = Frame(InverterToServer, "hello"u8);
        later[14 + 7] = 0x10; // fragment offset 16 (× 8 bytes)
        byte[] first = Frame(InverterToServer, "hello"u8);
        first[14 + 6] = 0x20; // more fragments, offset 0: the TCP header is here

        Assert.Equal(0u, BpfInterpreter.Run(BpfFilters.TcpPorts(SolarEdgePorts), later));
        Assert.NotEqual(0u, BpfInterpreter.Run(BpfFilters.TcpPorts(SolarEdgePorts), first));
    }

    [Fact]
    public void TcpPorts_IPv4WithOptions_FindsThePortsAfterTheOptions()
    {
        byte[] plain = Frame(InverterToServer with { DestinationPort = 22221 }, "hello"u8);
        // Insert 4 bytes of options (four NOPs, RFC 791 §3.1) and set IHL to 6.
        byte[] options = [.. plain.AsSpan(0, 34), 1, 1, 1, 1, .. plain.AsSpan(34)];
        options[14] = 0x46;
        Assert.Equal(DissectStatus.Tcp, PacketDissector.TryDissectTcp(FixLength(options), LinkType.Ethernet, out TcpPacket tcp));
        Assert.Equal(22221, tcp.DestinationPort);

        Assert.NotEqual(0u, BpfInterpreter.Run(BpfFilters.TcpPorts([22221]), options));
        Assert.Equal(0u, BpfInterpreter.Run(BpfFilters.TcpPorts([257]), options)); // 0x0101: the NOPs, had the header length been ignored
    }

    [Fact]
    public void TcpPorts_TruncatedFrame_Dropped()
    {
        byte[] frame = Frame(InverterToServer, "hello"u8);

        Assert.Equal(0u, BpfInterpreter.Run(BpfFilters.TcpPorts(SolarEdgePorts), frame.AsSpan(0, 36)));
    }

    [Fact]
    public void TcpPorts_NoPorts_KeepsEveryIPv4TcpSegment()
    {
        BpfInstruction[] program = BpfFilters.TcpPorts([]);

        Assert.NotEqual(0u, BpfInterpreter.Run(program, Frame(InverterToServer with { DestinationPort = 443 }, ""u8)));
    }

    [Fact]
    public void TcpPorts_SnapLength_IsWhatAcceptedFramesKeep()
    {
        Assert.Equal(96u, BpfInterpreter.Run(BpfFilters.TcpPorts(SolarEdgePorts, snapLength: 96), Frame(InverterToServer, ""u8)));
    }

    [Fact]
    public void TcpPorts_TooManyPortsOrPortZero_Throws()
    {
        Assert.Throws<ArgumentException>(() => BpfFilters.TcpPorts(Enumerable.Range(1, BpfFilters.MaxPorts + 1).Select(p => (ushort)p)));
        Assert.Throws<ArgumentException>(() => BpfFilters.TcpPorts([0, 80]));
        BpfInstruction[] most = BpfFilters.TcpPorts(Enumerable.Range(1, BpfFilters.MaxPorts).Select(p => (ushort)p));
        Assert.NotEqual(0u, BpfInterpreter.Run(most, Frame(InverterToServer with { DestinationPort = BpfFilters.MaxPorts }, ""u8)));
    }

    [Fact]
    public void TcpPorts_SynthPassiveCapture_KeepsEveryUntaggedFrameOfTheConnection()
    {
        BpfInstruction[] program = BpfFilters.TcpPorts(SolarEdgePorts);
        var reader = new CaptureFileReader();
        var buffer = new ReadOnlySequence<byte>(TestData.SolarEdge("synth_passive_capture.pcap"));
        int kept = 0, tagged = 0;
        while (reader.TryReadPacket(ref buffer, out CapturedPacket packet) == OperationStatus.Done)
        {
            byte[] frame = packet.Data.ToArray();
            bool isTagged = frame[12] == 0x81 && frame[13] == 0x00;
            tagged += isTagged ? 1 : 0;
            uint verdict = BpfInterpreter.Run(program, frame);
            Assert.Equal(isTagged ? 0u : BpfFilters.DefaultSnapLength, verdict); // on Linux the kernel strips tags before the filter runs
            kept += verdict > 0 ? 1 : 0;
        }

        Assert.Equal(1, tagged);
        Assert.Equal(9, kept);
    }

    /// <summary>
    /// Against the dissector, over mutated frames and random port lists: no IPv4 TCP segment on a listed port is ever
    /// dropped, and whatever is kept is IPv4, TCP, not a later fragment, and has a listed port where its header says.
    /// </summary>
    [Fact]
    public void TcpPorts_Property_AgreesWithTheDissector()
    {
        ushort[] pool = [22222, 22221, 80, 3051, 502, 1502, 443, 40000];
        Gen<(byte[] Frame, ushort[] Ports)> cases =
            from source in Gen.Elements(pool)
            from destination in Gen.Elements(pool)
            from payload in Gen.Choose(0, 64)
            from ports in Gen.SubListOf(pool)
            from steps in Gen.Choose(0, 3)
            from noise in ArbMap.Default.GeneratorFor<int[]>()
            let frame = Frame(InverterToServer with { SourcePort = source, DestinationPort = destination }, new byte[payload])
            select (steps == 0 ? frame : Mutations.Apply(frame, noise, steps), ports.ToArray());

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            bool kept = BpfInterpreter.Run(BpfFilters.TcpPorts(c.Ports), c.Frame) != 0;
            bool listed = PacketDissector.TryDissectTcp(c.Frame, LinkType.Ethernet, out TcpPacket tcp) == DissectStatus.Tcp
                && tcp.Source.IsIPv4 && c.Frame[12] == 0x08 && c.Frame[13] == 0x00
                && (c.Ports.Length == 0 || c.Ports.Contains(tcp.SourcePort) || c.Ports.Contains(tcp.DestinationPort));
            if (listed && !kept)
            {
                return false;
            }

            if (!kept)
            {
                return true;
            }

            int ports = 14 + (4 * (c.Frame[14] & 0xF));
            ushort s = (ushort)((c.Frame[ports] << 8) | c.Frame[ports + 1]);
            bool matched = c.Ports.Contains(s); // a listed source port is enough; the destination port may lie beyond a cut frame
            if (!matched && ports + 4 <= c.Frame.Length)
            {
                matched = c.Ports.Contains((ushort)((c.Frame[ports + 2] << 8) | c.Frame[ports + 3]));
            }

            return c.Frame[12] == 0x08 && c.Frame[13] == 0x00 && c.Frame[23] == 6 && ((c.Frame[20] & 0x1F) | c.Frame[21]) == 0
                && (c.Ports.Length == 0 || matched);
        }).Check(Properties.Pinned(0x5EED_B9F0, tests: 1000));
    }

    private static byte[] Frame(TcpFrameWriter writer, ReadOnlySpan<byte> payload)
    {
        byte[] frame = new byte[writer.FrameSize(payload.Length)];
        writer.Write(frame, 1000, 2000, TcpControlBits.Ack | TcpControlBits.Psh, payload);
        return frame;
    }

    /// <summary>Sets the IPv4 total length to what follows the Ethernet header.</summary>
    private static byte[] FixLength(byte[] frame)
    {
        int length = frame.Length - 14;
        frame[16] = (byte)(length >> 8);
        frame[17] = (byte)length;
        return frame;
    }
}
