using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>A binding of an address to a client (RFC 2131 §4.3): current, offered, or remembered for reuse.</summary>
/// <param name="Address">The IPv4 address.</param>
/// <param name="Client">The client identity (option 61 or hardware address).</param>
/// <param name="Mac">The client's Ethernet MAC ('chaddr').</param>
/// <param name="HostName">Option 12 of the client's last message, sanitised to printable ASCII; null when not sent.</param>
/// <param name="ExpiresAt">End of the offer hold or lease; for released/expired leases, when they ended.</param>
/// <param name="State">Offered, bound, released or expired.</param>
public sealed record DhcpLease(InetAddress Address, DhcpClientId Client, MacAddress Mac, string? HostName, DateTimeOffset ExpiresAt, DhcpLeaseState State)
{
    /// <summary>Whether the address is held for this client at <paramref name="now"/> (a live offer or lease).</summary>
    public bool IsLive(DateTimeOffset now) => State is DhcpLeaseState.Offered or DhcpLeaseState.Bound && ExpiresAt > now;

    /// <summary>Whether the client holds a lease (not just an offer) at <paramref name="now"/>.</summary>
    public bool IsBound(DateTimeOffset now) => State == DhcpLeaseState.Bound && ExpiresAt > now;
}
