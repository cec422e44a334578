namespace SolarTap.Protocols.Net;

/// <summary>Vendor prefixes (OUIs) of the network interfaces found in inverters.</summary>
public static class InverterOuis
{
    /// <summary>
    /// Source MAC prefixes of SolarEdge inverters (spec §5.4 rule 3): <c>00:27:02</c> (SolarEdge),
    /// <c>00:40:9d</c> (Digi Wi-Fi modules) and <c>00:04:f3</c> (FS Forth-Systeme Wi-Fi modules).
    /// </summary>
    public static IReadOnlyList<MacPrefix> SolarEdge { get; } = Array.AsReadOnly(
    [
        MacPrefix.Create([0x00, 0x27, 0x02], 3),
        MacPrefix.Create([0x00, 0x40, 0x9d], 3),
        MacPrefix.Create([0x00, 0x04, 0xf3], 3),
    ]);
}
