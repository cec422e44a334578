namespace SolarTap.Protocols.SunSpec;

/// <summary>SunSpec model ids SolarTap decodes (docs/spec/sunspec.md §3), and the markers of the register map.</summary>
public static class SunSpecModelIds
{
    /// <summary>"SunS" as two registers, 0x5375 0x6E53: the first two registers of a SunSpec map (§2).</summary>
    public const uint Marker = 0x53756E53;

    /// <summary>Model id of the end marker that closes the model list (its length is 0).</summary>
    public const ushort End = 0xFFFF;

    /// <summary>Common model: manufacturer, model, version, serial number (§3.1).</summary>
    public const ushort Common = 1;

    /// <summary>Single-phase inverter, integer + scale factor (§3.2).</summary>
    public const ushort InverterSinglePhase = 101;

    /// <summary>Split-phase inverter, integer + scale factor.</summary>
    public const ushort InverterSplitPhase = 102;

    /// <summary>Three-phase inverter, integer + scale factor.</summary>
    public const ushort InverterThreePhase = 103;

    /// <summary>Single-phase inverter, float32 (§3.3).</summary>
    public const ushort InverterSinglePhaseFloat = 111;

    /// <summary>Split-phase inverter, float32.</summary>
    public const ushort InverterSplitPhaseFloat = 112;

    /// <summary>Three-phase inverter, float32.</summary>
    public const ushort InverterThreePhaseFloat = 113;

    /// <summary>Single-phase (AN or AB) meter (§3.4).</summary>
    public const ushort MeterSinglePhase = 201;

    /// <summary>Split single-phase (ABN) meter.</summary>
    public const ushort MeterSplitPhase = 202;

    /// <summary>Wye-connected three-phase (ABCN) meter.</summary>
    public const ushort MeterWye = 203;

    /// <summary>Delta-connected three-phase (ABC) meter.</summary>
    public const ushort MeterDelta = 204;

    /// <summary>Basic storage controls: the battery as the inverter sees it (§3.6).</summary>
    public const ushort Storage = 124;

    /// <summary>Battery base model (§3.5).</summary>
    public const ushort Battery = 802;

    /// <summary>True for 101–103 and 111–113.</summary>
    public static bool IsInverter(ushort id) => id is >= 101 and <= 103 or >= 111 and <= 113;

    /// <summary>True for 201–204.</summary>
    public static bool IsMeter(ushort id) => id is >= 201 and <= 204;
}
