using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

/// <summary>Builds client messages the way real clients send them (RFC 2131 §4.4, table 5).</summary>
internal sealed record ClientPacket(DhcpMessageType Type)
{
    public static readonly MacAddress Inverter = MacAddress.Parse("00:27:02:1a:08:23");

    public MacAddress Mac { get; init; } = Inverter;

    public uint Xid { get; init; } = 0x5eed_0001;

    public bool Broadcast { get; init; }

    public string? Ciaddr { get; init; }

    public string? Giaddr { get; init; }

    public string? Requested { get; init; }

    public string? ServerId { get; init; }

    public byte[]? ClientId { get; init; }

    public byte[]? RequestList { get; init; }

    public string? HostName { get; init; }

    public ushort? MaxSize { get; init; }

    public byte[] Build()
    {
        var buffer = new byte[600];
        var writer = new DhcpMessageWriter(buffer);
        Span<byte> chaddr = stackalloc byte[6];
        Mac.WriteTo(chaddr);
        var header = new DhcpHeader
        {
            Op = DhcpMessage.BootRequest,
            HardwareType = 1,
            TransactionId = Xid,
            Flags = Broadcast ? DhcpMessage.BroadcastFlag : (ushort)0,
            ClientAddress = Ciaddr is null ? default : InetAddress.Parse(Ciaddr),
            GatewayAddress = Giaddr is null ? default : InetAddress.Parse(Giaddr),
        };
        Assert.True(writer.TryWriteHeader(header, chaddr));
        Assert.True(writer.TryWriteByte(DhcpOptionCodes.MessageType, (byte)Type));
        if (ClientId is not null)
        {
            Assert.True(writer.TryWriteOption(DhcpOptionCodes.ClientIdentifier, ClientId));
        }

        if (Requested is not null)
        {
            Assert.True(writer.TryWriteAddress(DhcpOptionCodes.RequestedAddress, InetAddress.Parse(Requested)));
        }

        if (ServerId is not null)
        {
            Assert.True(writer.TryWriteAddress(DhcpOptionCodes.ServerIdentifier, InetAddress.Parse(ServerId)));
        }

        if (MaxSize is ushort max)
        {
            Assert.True(writer.TryWriteUInt16(DhcpOptionCodes.MaxMessageSize, max));
        }

        if (HostName is not null)
        {
            Assert.True(writer.TryWriteOption(DhcpOptionCodes.HostName, System.Text.Encoding.ASCII.GetBytes(HostName)));
        }

        if (RequestList is not null)
        {
            Assert.True(writer.TryWriteOption(DhcpOptionCodes.ParameterRequestList, RequestList));
        }

        int length = writer.Finish();
        return buffer[..length];
    }
}
