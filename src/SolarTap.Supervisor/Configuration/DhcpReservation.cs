using System.Net;
using SolarTap.Protocols.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>A fixed DHCP address for one device (an entry of <c>network.reservations</c>).</summary>
/// <param name="Mac">The device's MAC address (<c>mac</c>).</param>
/// <param name="Address">The address it always gets (<c>address</c>), inside the subnet.</param>
/// <param name="Hostname">An optional name for it (<c>hostname</c>), shown on the status surfaces.</param>
public sealed record DhcpReservation(MacAddress Mac, IPAddress Address, string? Hostname = null);
