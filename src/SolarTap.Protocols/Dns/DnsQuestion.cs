namespace SolarTap.Protocols.Dns;

/// <summary>One entry of the question section (RFC 1035 §4.1.2): QNAME, QTYPE, QCLASS.</summary>
/// <param name="Name">QNAME.</param>
/// <param name="Type">QTYPE.</param>
/// <param name="Class">QCLASS.</param>
public readonly record struct DnsQuestion(DnsName Name, DnsType Type, DnsClass Class = DnsClass.IN);
