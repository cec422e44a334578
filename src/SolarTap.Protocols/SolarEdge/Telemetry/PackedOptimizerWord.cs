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
    public const ushort TenBits = 0x3FF;
    public const ushort TwelveBits = 0xFFF;

    public static ushort ModuleVoltage(uint word) => (ushort)(word & TenBits);

    public static ushort OutputVoltage(uint word) => (ushort)((word >> 10) & TenBits);

    public static ushort ModuleCurrent(uint word) => (ushort)(word >> 20);

    public static uint Pack(ushort moduleVoltage, ushort outputVoltage, ushort moduleCurrent)
        => (moduleVoltage & (uint)TenBits) | ((outputVoltage & (uint)TenBits) << 10) | ((moduleCurrent & (uint)TwelveBits) << 20);
}
