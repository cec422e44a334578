namespace SolarTap.Protocols.SunSpec;

/// <summary>Where a <see cref="SunSpecDiscovery"/> is.</summary>
public enum SunSpecDiscoveryState
{
    /// <summary>Looking for "SunS" at one of the base addresses.</summary>
    Probing,
    /// <summary>Reading model headers one after another.</summary>
    Walking,
    /// <summary>The map was walked (to the end marker, or as far as the device answered).</summary>
    Found,
    /// <summary>No base address holds "SunS": not a SunSpec device (or not answering).</summary>
    NotFound,
}
