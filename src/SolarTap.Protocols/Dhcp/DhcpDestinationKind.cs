namespace SolarTap.Protocols.Dhcp;

/// <summary>Where a reply goes (RFC 2131 §4.1).</summary>
public enum DhcpDestinationKind
{
    /// <summary>No reply.</summary>
    None,

    /// <summary>IP and Ethernet broadcast, 255.255.255.255 port 68: broadcast flag set, or a DHCPNAK, or no address yet.</summary>
    Broadcast,

    /// <summary>
    /// Unicast to 'yiaddr' and 'chaddr' port 68: the client has no address yet but did not set the broadcast flag.
    /// Needs an ARP entry for the pair (or a raw socket); a service that cannot do that may broadcast instead.
    /// </summary>
    UnicastToHardware,

    /// <summary>Unicast to 'ciaddr' port 68: the client has an address (RENEWING, REBINDING, INFORM).</summary>
    UnicastToClient,

    /// <summary>Unicast to the relay agent 'giaddr', port 67.</summary>
    Relay,
}
