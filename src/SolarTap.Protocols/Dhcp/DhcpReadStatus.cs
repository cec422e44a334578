namespace SolarTap.Protocols.Dhcp;

/// <summary>Outcome of <see cref="DhcpMessage.TryRead"/>.</summary>
public enum DhcpReadStatus
{
    /// <summary>A well-formed DHCP message.</summary>
    Ok = 0,

    /// <summary>Shorter than the 236-byte BOOTP header plus the 4-byte magic cookie.</summary>
    TooShort,

    /// <summary>'op' is neither BOOTREQUEST (1) nor BOOTREPLY (2).</summary>
    InvalidOp,

    /// <summary>'hlen' exceeds the 16 bytes of 'chaddr'.</summary>
    InvalidHardwareLength,

    /// <summary>The 4 bytes after the header are not 99.130.83.99 (RFC 2131 §3): BOOTP or garbage.</summary>
    NoMagicCookie,

    /// <summary>An option's length runs past the end of its field.</summary>
    TruncatedOption,

    /// <summary>Option 52 is not one byte of value 1, 2 or 3 (RFC 2132 §9.3).</summary>
    InvalidOverload,
}
