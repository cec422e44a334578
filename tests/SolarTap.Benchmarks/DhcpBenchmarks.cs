using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Benchmarks;

/// <summary>
/// DHCP server transactions: DISCOVER → OFFER → REQUEST → ACK (plus a RELEASE so the pool state repeats), for
/// 32 clients per invocation; each operation is one full transaction including reading the request and writing the reply.
/// </summary>
[MemoryDiagnoser]
public class DhcpBenchmarks
{
    private const int Clients = 32;
    private readonly byte[] _reply = new byte[1500];
    private DhcpServerEngine _engine = null!;
    private byte[][] _discovers = [];
    private byte[][] _requests = [];
    private byte[][] _releases = [];
    private DateTimeOffset _now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        _engine = new DhcpServerEngine(new DhcpServerOptions());
        _discovers = new byte[Clients][];
        _requests = new byte[Clients][];
        _releases = new byte[Clients][];
        for (int i = 0; i < Clients; i++)
        {
            var mac = new MacAddress(0x0027_0200_0000UL + (ulong)i);
            _discovers[i] = Build(mac, DhcpMessageType.Discover, default, default);
            _ = DhcpMessage.TryRead(_discovers[i], out DhcpMessage discover);
            InetAddress offered = InetAddress.FromIPv4(0);
            DhcpDecision offer = _engine.Handle(discover, _now, _reply);
            if (offer.HasReply && DhcpMessage.TryRead(_reply.AsSpan(0, offer.ReplyLength), out DhcpMessage reply) == DhcpReadStatus.Ok)
            {
                offered = reply.YourAddress;
            }

            _requests[i] = Build(mac, DhcpMessageType.Request, offered, default);
            _releases[i] = Build(mac, DhcpMessageType.Release, default, offered);
        }
    }

    [Benchmark(OperationsPerInvoke = Clients)]
    public int DiscoverOfferRequestAck()
    {
        int bytes = 0;
        _now += TimeSpan.FromSeconds(1);
        for (int i = 0; i < Clients; i++)
        {
            bytes += Handle(_discovers[i]) + Handle(_requests[i]) + Handle(_releases[i]);
        }

        return bytes;
    }

    private int Handle(byte[] packet)
    {
        _ = DhcpMessage.TryRead(packet, out DhcpMessage message);
        return _engine.Handle(message, _now, _reply).ReplyLength;
    }

    private static byte[] Build(MacAddress mac, DhcpMessageType type, InetAddress requested, InetAddress ciaddr)
    {
        var buffer = new byte[600];
        var writer = new DhcpMessageWriter(buffer);
        Span<byte> chaddr = stackalloc byte[MacAddress.Size];
        mac.WriteTo(chaddr);
        writer.TryWriteHeader(new DhcpHeader { Op = DhcpMessage.BootRequest, HardwareType = 1, TransactionId = (uint)mac.Value, Flags = DhcpMessage.BroadcastFlag, ClientAddress = ciaddr }, chaddr);
        writer.TryWriteByte(DhcpOptionCodes.MessageType, (byte)type);
        writer.TryWriteAddress(DhcpOptionCodes.RequestedAddress, requested);
        if (type == DhcpMessageType.Request)
        {
            writer.TryWriteAddress(DhcpOptionCodes.ServerIdentifier, new DhcpServerOptions().ServerAddress);
        }

        writer.TryWriteOption(DhcpOptionCodes.ParameterRequestList, [1, 3, 6, 12, 15, 28, 42]);
        return buffer[..writer.Finish()];
    }
}
