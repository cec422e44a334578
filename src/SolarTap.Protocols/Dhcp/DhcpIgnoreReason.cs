namespace SolarTap.Protocols.Dhcp;

/// <summary>Why a message got no reply.</summary>
public enum DhcpIgnoreReason
{
    /// <summary>Not ignored.</summary>
    None,

    /// <summary>The MAC is not a SolarEdge prefix nor configured (log it: something else is on the inverter port).</summary>
    MacNotAllowed,

    /// <summary>A BOOTREPLY (another server on the link) rather than a client's message.</summary>
    NotARequest,

    /// <summary>'htype'/'hlen' are not Ethernet's 1/6.</summary>
    NotEthernet,

    /// <summary>No option 53: plain BOOTP is not served.</summary>
    NotDhcp,

    /// <summary>A message type a server does not act on (OFFER, ACK, NAK, or unknown).</summary>
    UnsupportedMessageType,

    /// <summary>Relayed from a subnet this server does not serve.</summary>
    WrongSubnet,

    /// <summary>The client selected another server's offer (RFC 2131 §4.3.2); our offer is withdrawn.</summary>
    OtherServerSelected,

    /// <summary>INIT-REBOOT or RENEWING from a client this server has no record of (RFC 2131 §4.3.2: remain silent).</summary>
    UnknownClient,

    /// <summary>No address is free in the pool.</summary>
    PoolExhausted,

    /// <summary>The message lacks what its type requires (e.g. a DHCPREQUEST without requested address or ciaddr).</summary>
    Malformed,

    /// <summary>RELEASE or DECLINE for an address the client does not hold, or addressed to another server.</summary>
    NotHeld,
}
