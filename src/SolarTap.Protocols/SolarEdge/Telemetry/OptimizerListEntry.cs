namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>One entry of a 0x0043 optimizer list (spec §3.11): u32 optimizer ID, u8 of unknown meaning.</summary>
/// <param name="OptimizerId">Optimizer ID as sent.</param>
/// <param name="Unknown">The byte after the ID.</param>
public readonly record struct OptimizerListEntry(uint OptimizerId, byte Unknown);
