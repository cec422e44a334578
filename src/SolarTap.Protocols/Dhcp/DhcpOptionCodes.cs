namespace SolarTap.Protocols.Dhcp;

/// <summary>DHCP option codes this server reads or writes (RFC 2132; RFC 2131 §3).</summary>
public static class DhcpOptionCodes
{
    /// <summary>Pad: a single zero byte without length (RFC 2132 §3.1).</summary>
    public const byte Pad = 0;

    /// <summary>Subnet mask, 4 bytes (RFC 2132 §3.3).</summary>
    public const byte SubnetMask = 1;

    /// <summary>Routers, a list of 4-byte addresses (RFC 2132 §3.5).</summary>
    public const byte Router = 3;

    /// <summary>Domain name servers, a list of 4-byte addresses (RFC 2132 §3.8).</summary>
    public const byte DomainNameServer = 6;

    /// <summary>Host name, NVT ASCII (RFC 2132 §3.14).</summary>
    public const byte HostName = 12;

    /// <summary>Domain name, NVT ASCII (RFC 2132 §3.17).</summary>
    public const byte DomainName = 15;

    /// <summary>Requested IP address, 4 bytes (RFC 2132 §9.1).</summary>
    public const byte RequestedAddress = 50;

    /// <summary>IP address lease time in seconds, 4 bytes (RFC 2132 §9.2).</summary>
    public const byte LeaseTime = 51;

    /// <summary>Option overload: 1 = 'file' holds options, 2 = 'sname', 3 = both (RFC 2132 §9.3).</summary>
    public const byte Overload = 52;

    /// <summary>DHCP message type, 1 byte (RFC 2132 §9.6).</summary>
    public const byte MessageType = 53;

    /// <summary>Server identifier, 4 bytes (RFC 2132 §9.7).</summary>
    public const byte ServerIdentifier = 54;

    /// <summary>Parameter request list, one option code per byte (RFC 2132 §9.8).</summary>
    public const byte ParameterRequestList = 55;

    /// <summary>Message, NVT ASCII, e.g. why a NAK was sent (RFC 2132 §9.9).</summary>
    public const byte Message = 56;

    /// <summary>Maximum DHCP message size, 2 bytes, at least 576 (RFC 2132 §9.10).</summary>
    public const byte MaxMessageSize = 57;

    /// <summary>Renewal (T1) time in seconds, 4 bytes (RFC 2132 §9.11).</summary>
    public const byte RenewalTime = 58;

    /// <summary>Rebinding (T2) time in seconds, 4 bytes (RFC 2132 §9.12).</summary>
    public const byte RebindingTime = 59;

    /// <summary>Client identifier, type byte plus data, opaque to the server (RFC 2132 §9.14, RFC 4361).</summary>
    public const byte ClientIdentifier = 61;

    /// <summary>End of options (RFC 2132 §3.2).</summary>
    public const byte End = 255;
}
