namespace SolarTap.Protocols.Readings;

/// <summary>Which AC phase a measurement belongs to.</summary>
public enum Phase : byte
{
    /// <summary>Not phase-specific (a total, a DC value, or a single-phase device).</summary>
    None,
    /// <summary>Phase 1.</summary>
    L1,
    /// <summary>Phase 2.</summary>
    L2,
    /// <summary>Phase 3.</summary>
    L3,
}
