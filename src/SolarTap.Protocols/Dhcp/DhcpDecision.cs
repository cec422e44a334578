using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// What <see cref="DhcpServerEngine.Handle"/> decided: the reply written into the caller's buffer (if any), where to
/// send it, an event for the status model, and whether the persistent lease state changed.
/// </summary>
public readonly record struct DhcpDecision
{
    /// <summary>UDP port of DHCP servers and relay agents.</summary>
    public const int ServerPort = 67;

    /// <summary>UDP port of DHCP clients.</summary>
    public const int ClientPort = 68;

    /// <summary>Bytes of the reply at the start of the reply buffer; 0 when there is no reply.</summary>
    public int ReplyLength { get; init; }

    /// <summary>Type of the reply (OFFER, ACK, NAK), <see cref="DhcpMessageType.None"/> when none.</summary>
    public DhcpMessageType ReplyType { get; init; }

    /// <summary>How to send the reply.</summary>
    public DhcpDestinationKind Destination { get; init; }

    /// <summary>IP destination: 255.255.255.255, 'yiaddr', 'ciaddr' or 'giaddr' (see <see cref="Destination"/>).</summary>
    public InetAddress DestinationAddress { get; init; }

    /// <summary>Ethernet destination for <see cref="DhcpDestinationKind.UnicastToHardware"/> ('chaddr').</summary>
    public MacAddress DestinationMac { get; init; }

    /// <summary>UDP destination port: <see cref="ClientPort"/>, or <see cref="ServerPort"/> for a relay.</summary>
    public int DestinationPort { get; init; }

    /// <summary>The event to report, or null for nothing worth reporting.</summary>
    public DhcpLeaseEvent? Event { get; init; }

    /// <summary>Whether leases that <see cref="DhcpLeaseStore.Export"/> writes changed: persist them.</summary>
    public bool LeasesChanged { get; init; }

    /// <summary>Whether there is a reply to send.</summary>
    public bool HasReply => ReplyLength > 0;
}
