namespace SolarTap.Protocols.Net;

/// <summary>EtherType values (IEEE Registration Authority) that the dissector and the frame writer use.</summary>
public static class EtherTypes
{
    /// <summary>Internet Protocol version 4.</summary>
    public const ushort IPv4 = 0x0800;

    /// <summary>Internet Protocol version 6.</summary>
    public const ushort IPv6 = 0x86DD;

    /// <summary>IEEE 802.1Q customer VLAN tag.</summary>
    public const ushort Vlan = 0x8100;

    /// <summary>IEEE 802.1ad service VLAN tag (outer tag of "Q-in-Q").</summary>
    public const ushort ServiceVlan = 0x88A8;

    /// <summary>Pre-standard Q-in-Q outer tag used by some switches.</summary>
    public const ushort LegacyServiceVlan = 0x9100;
}
