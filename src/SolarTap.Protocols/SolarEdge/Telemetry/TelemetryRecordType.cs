namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Record types found in a 0x0500 telemetry payload (spec §3.2). Values not named here are carried through as
/// unknown records; the enum is the u16 on the wire, so any value is representable.
/// </summary>
#pragma warning disable CA1028 // the wire type is u16
public enum TelemetryRecordType : ushort
#pragma warning restore CA1028
{
    /// <summary>0x0000 optimizer, old format, 36 bytes (spec §3.3).</summary>
    LegacyOptimizer = 0x0000,
    /// <summary>0x0010 single-phase inverter, 104 bytes or more (spec §3.6).</summary>
    SinglePhaseInverter = 0x0010,
    /// <summary>0x0011 three-phase inverter, 128 bytes or more (spec §3.7).</summary>
    ThreePhaseInverter = 0x0011,
    /// <summary>0x0022 meter interval record, 58 bytes (spec §3.8).</summary>
    Meter = 0x0022,
    /// <summary>0x0030 battery, 86 bytes or more (spec §3.9).</summary>
    Battery = 0x0030,
    /// <summary>0x0043 daily list of optimizers (spec §3.11, unverified).</summary>
    OptimizerList = 0x0043,
    /// <summary>0x0080 optimizer, packed format, 13 bytes (spec §3.4).</summary>
    PackedOptimizer = 0x0080,
    /// <summary>0x0082 S440 / S-series optimizer, 15 or 21 bytes (spec §3.5, partly provisional).</summary>
    S440Optimizer = 0x0082,
    /// <summary>0x0300 Polestar (communication board) event, 28 bytes (spec §3.10).</summary>
    PolestarEvent = 0x0300,
}
