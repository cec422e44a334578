using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

public class DhcpMessagePropertyTests
{
    private static readonly byte[][] Seeds =
    [
        new ClientPacket(DhcpMessageType.Discover) { Broadcast = true, ClientId = Hex.Bytes("ff00000001000100012c"), RequestList = [1, 3, 6, 15], HostName = "se" }.Build(),
        new ClientPacket(DhcpMessageType.Request) { Requested = "172.31.254.10", ServerId = "172.31.254.1", MaxSize = 1500 }.Build(),
        new ClientPacket(DhcpMessageType.Inform) { Ciaddr = "172.31.254.99" }.Build(),
    ];

    /// <summary>Random bytes never make TryRead or any accessor throw or read outside the input.</summary>
    [Fact]
    public void TryRead_RandomBytes_NeverThrows() =>
        Properties.ForAllBytes(0xD4C9_0001, bytes => ReadsSafely(bytes));

    /// <summary>Mutated real messages (bit flips, cuts, inserts) never make TryRead or an accessor throw.</summary>
    [Fact]
    public void TryRead_MutatedMessages_NeverThrows() =>
        Properties.ForAllMutations(0xD4C9_0002, Seeds, bytes => ReadsSafely(bytes), tests: 2000);

    /// <summary>Random options written with the writer read back in order and unchanged.</summary>
    [Fact]
    public void Writer_RandomOptions_RoundTrip()
    {
        Gen<(uint Xid, ushort Flags, byte[][] Values)> gen =
            from xid in ArbMap.Default.GeneratorFor<uint>()
            from flags in ArbMap.Default.GeneratorFor<ushort>()
            from values in ArbMap.Default.GeneratorFor<byte[]>().Select(v => v.Length > 255 ? v[..255] : v).ArrayOf()
            select (xid, flags, values);
        Prop.ForAll(gen.ToArbitrary(), c => RoundTrips(c.Xid, c.Flags, c.Values)).Check(Properties.Pinned(0xD4C9_0003, tests: 300));
    }

    // Option codes 1..200 except 52 (overload would move the options into 'file'/'sname').
    private static byte Code(int i) => (byte)(1 + (i % 200)) is var c && c == DhcpOptionCodes.Overload ? (byte)201 : (byte)(1 + (i % 200));

    internal static bool ReadsSafely(byte[] bytes)
    {
        // An exact-size copy: reading past the end would throw, so "no exception" also means "stayed in bounds".
        if (DhcpMessage.TryRead(bytes, out DhcpMessage m) != DhcpReadStatus.Ok)
        {
            return true;
        }

        int total = 0;
        foreach (DhcpOption option in m.Options)
        {
            total += option.Value.Length;
        }

        _ = (m.MessageType, m.ClientMac, m.ClientAddress, m.GatewayAddress, m.ServerName.Length, m.BootFileName.Length);
        _ = (m.ParameterRequestList.Length, m.ClientIdentifier.Length, m.HostName.Length, m.TryGetMaxMessageSize(out _), m.TryGetRequestedAddress(out _));
        return total <= bytes.Length;
    }

    private static bool RoundTrips(uint xid, ushort flags, byte[][] values)
    {
        var buffer = new byte[DhcpMessage.FixedLength + values.Sum(v => 2 + v.Length) + 1];
        var writer = new DhcpMessageWriter(buffer);
        writer.TryWriteHeader(new DhcpHeader { Op = DhcpMessage.BootRequest, HardwareType = 1, TransactionId = xid, Flags = flags, ClientAddress = InetAddress.FromIPv4(xid) }, Hex.Bytes("0027021a0823"));
        for (int i = 0; i < values.Length; i++)
        {
            if (!writer.TryWriteOption(Code(i), values[i]))
            {
                return false;
            }
        }

        int length = writer.Finish(minimumLength: 0);
        if (DhcpMessage.TryRead(buffer.AsSpan(0, length), out DhcpMessage m) != DhcpReadStatus.Ok || m.TransactionId != xid || m.Flags != flags
            || m.ClientAddress != InetAddress.FromIPv4(xid))
        {
            return false;
        }

        int n = 0;
        foreach (DhcpOption option in m.Options)
        {
            if (n >= values.Length || option.Code != Code(n) || !option.Value.SequenceEqual(values[n]))
            {
                return false;
            }

            n++;
        }

        return n == values.Length;
    }
}
