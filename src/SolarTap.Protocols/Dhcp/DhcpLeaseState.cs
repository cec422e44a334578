namespace SolarTap.Protocols.Dhcp;

/// <summary>State of a binding between a client and an address (RFC 2131 §4.3).</summary>
public enum DhcpLeaseState
{
    /// <summary>Offered in a DHCPOFFER, held until the offer times out.</summary>
    Offered,

    /// <summary>Acknowledged; the client may use the address until the lease expires.</summary>
    Bound,

    /// <summary>Given back by DHCPRELEASE; remembered so the client gets the same address again.</summary>
    Released,

    /// <summary>Lease ran out; remembered so the client gets the same address again while it is free.</summary>
    Expired,
}
