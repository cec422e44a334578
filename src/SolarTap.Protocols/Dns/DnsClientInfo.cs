using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dns;

/// <summary>Who asked and how.</summary>
/// <param name="Address">The client's source address (the inverter).</param>
/// <param name="Transport">UDP or TCP.</param>
public readonly record struct DnsClientInfo(InetAddress Address, DnsTransport Transport = DnsTransport.Udp);
