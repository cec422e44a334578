namespace SolarTap.Protocols.Dhcp;

/// <summary>What happened, for the status model and the log.</summary>
public enum DhcpEventKind
{
    /// <summary>An address was offered (DHCPOFFER).</summary>
    Offered,

    /// <summary>A new lease was acknowledged (DHCPACK after SELECTING or INIT-REBOOT, or a lease adopted).</summary>
    Granted,

    /// <summary>A bound client extended its lease (RENEWING, REBINDING, or INIT-REBOOT of a live lease).</summary>
    Renewed,

    /// <summary>The client gave its address back (DHCPRELEASE).</summary>
    Released,

    /// <summary>The client found its address in use (DHCPDECLINE); the address is held back for a while.</summary>
    Declined,

    /// <summary>A lease ran out (reported by <see cref="DhcpServerEngine.Expire"/>).</summary>
    Expired,

    /// <summary>A client with its own address asked for configuration (DHCPINFORM answered).</summary>
    Informed,

    /// <summary>A DHCPNAK was sent: the client's notion of its address is wrong.</summary>
    Refused,

    /// <summary>No reply; <see cref="DhcpLeaseEvent.Reason"/> says why.</summary>
    Ignored,
}
