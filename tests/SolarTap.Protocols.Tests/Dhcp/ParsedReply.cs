using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

/// <summary>A reply copied out of the engine's buffer, for assertions.</summary>
internal sealed record ParsedReply(
    DhcpMessageType Type, byte Op, uint Xid, ushort Flags, InetAddress Ciaddr, InetAddress Yiaddr, InetAddress Giaddr, MacAddress Mac,
    IReadOnlyList<(byte Code, byte[] Value)> Options, int Length)
{
    public static ParsedReply Parse(ReadOnlySpan<byte> bytes)
    {
        Assert.Equal(DhcpReadStatus.Ok, DhcpMessage.TryRead(bytes, out DhcpMessage m));
        var options = new List<(byte, byte[])>();
        foreach (DhcpOption option in m.Options)
        {
            options.Add((option.Code, option.Value.ToArray()));
        }

        return new ParsedReply(m.MessageType, m.Op, m.TransactionId, m.Flags, m.ClientAddress, m.YourAddress, m.GatewayAddress, m.ClientMac, options, bytes.Length);
    }

    public byte[]? Option(byte code) => Options.FirstOrDefault(o => o.Code == code).Value;

    public uint? OptionUInt32(byte code) =>
        Option(code) is { Length: 4 } v ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(v) : null;

    public byte[] Codes => [.. Options.Select(o => o.Code)];
}
