namespace SolarTap.Protocols.Dns;

/// <summary>How a query arrived; it sets the response size limit (RFC 1035 §4.2).</summary>
public enum DnsTransport
{
    /// <summary>UDP: 512 bytes, or the client's EDNS payload size (RFC 6891 §6.2.3); longer answers are cut and get TC.</summary>
    Udp = 0,

    /// <summary>TCP: up to 65535 bytes; the service adds the 2-byte length prefix (RFC 1035 §4.2.2).</summary>
    Tcp,
}
