namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// The 32-bit word at data offset 6 of 0x0080 and 0x0082 records (spec §3.4):
/// <code>
///  31          20 19        10 9          0
///  │ Imod (12)   │ Vopt (10)  │ Vmod (10)  │
/// </code>
/// </summary>
internal static class PackedOptimizerWord
{
    // Scaling of the raw fields (spec §3.4; §3.5: 0x0082 uses the same). Products are computed in double, as
    // semonitor does: 0.00625 * n gives 7.675000000000001, which byte-identical output must reproduce.
    public const double VoltsPerStep = 0.125;
    public const double AmperesPerStep = 0.00625;
    public const double WattHoursPerStep = 0.25;
    public const double DegreesPerStep = 2.0;

    public const ushort TenBits = 0x3FF;
    public const ushort TwelveBits = 0xFFF;

    public static ushort ModuleVoltage(uint word) => (ushort)(word & TenBits);

    public static ushort OutputVoltage(uint word) => (ushort)((word >> 10) & TenBits);

    public static ushort ModuleCurrent(uint word) => (ushort)(word >> 20);

    public static uint Pack(ushort moduleVoltage, ushort outputVoltage, ushort moduleCurrent)
        => (moduleVoltage & (uint)TenBits) | ((outputVoltage & (uint)TenBits) << 10) | ((moduleCurrent & (uint)TwelveBits) << 20);
}
