using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>A fixed address for one MAC. The MAC is answered even when the MAC filter would ignore it.</summary>
/// <param name="Mac">The client's Ethernet MAC ('chaddr').</param>
/// <param name="Address">The address it always gets, inside the subnet (inside or outside the pool).</param>
public sealed record DhcpReservation(MacAddress Mac, InetAddress Address);
