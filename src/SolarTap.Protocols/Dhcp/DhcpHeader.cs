using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>The fixed BOOTP fields of a message to write (RFC 2131 §2), except 'chaddr', 'sname' and 'file'.</summary>
public readonly record struct DhcpHeader
{
    /// <summary>'op': <see cref="DhcpMessage.BootRequest"/> or <see cref="DhcpMessage.BootReply"/>.</summary>
    public byte Op { get; init; }

    /// <summary>'htype', 1 (Ethernet) by default.</summary>
    public byte HardwareType { get; init; }

    /// <summary>'hops'.</summary>
    public byte Hops { get; init; }

    /// <summary>'xid'.</summary>
    public uint TransactionId { get; init; }

    /// <summary>'secs'.</summary>
    public ushort Seconds { get; init; }

    /// <summary>'flags'.</summary>
    public ushort Flags { get; init; }

    /// <summary>'ciaddr'; default (not IPv4) writes 0.0.0.0.</summary>
    public InetAddress ClientAddress { get; init; }

    /// <summary>'yiaddr'; default writes 0.0.0.0.</summary>
    public InetAddress YourAddress { get; init; }

    /// <summary>'siaddr'; default writes 0.0.0.0.</summary>
    public InetAddress NextServerAddress { get; init; }

    /// <summary>'giaddr'; default writes 0.0.0.0.</summary>
    public InetAddress GatewayAddress { get; init; }
}
