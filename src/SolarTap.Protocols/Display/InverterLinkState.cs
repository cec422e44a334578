namespace SolarTap.Protocols.Display;

/// <summary>What the inverter-facing link is doing (issue 7: the link LED and the link page).</summary>
public enum InverterLinkState
{
    /// <summary>No inverter seen: no carrier or no DHCP lease handed out.</summary>
    NoLink,

    /// <summary>An inverter took a lease but has no session with us yet.</summary>
    LeaseOnly,

    /// <summary>A session is up and readings are decoded.</summary>
    DataFlowing,

    /// <summary>Data arrives that cannot be decoded: TLS firmware, or encrypted without a key.</summary>
    Undecodable,
}
