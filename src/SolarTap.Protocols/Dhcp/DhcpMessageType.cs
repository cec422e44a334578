namespace SolarTap.Protocols.Dhcp;

/// <summary>Value of option 53, DHCP message type (RFC 2132 §9.6).</summary>
public enum DhcpMessageType
{
    /// <summary>No option 53: a plain BOOTP message, or a broken one.</summary>
    None = 0,

    /// <summary>Client broadcast to locate servers.</summary>
    Discover = 1,

    /// <summary>Server offer of an address.</summary>
    Offer = 2,

    /// <summary>Client request: select an offer, verify after reboot, renew or rebind.</summary>
    Request = 3,

    /// <summary>Client found the address already in use.</summary>
    Decline = 4,

    /// <summary>Server grants the request.</summary>
    Ack = 5,

    /// <summary>Server refuses the request: the client's notion of its address is wrong.</summary>
    Nak = 6,

    /// <summary>Client gives the address back.</summary>
    Release = 7,

    /// <summary>Client with an address asks for configuration only.</summary>
    Inform = 8,
}
