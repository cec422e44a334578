namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// One 8-byte lifetime-total group of a 0x0022 record (spec §3.8): u32 total Wh, u16 (always zero), 2 flag bytes
/// (<c>00 00</c> = total valid, <c>00 80</c> = not reported). It may really be a u64 whose top bit means "invalid".
/// </summary>
/// <param name="Value">Total, Wh.</param>
/// <param name="Reserved">The u16 after it (zero seen).</param>
/// <param name="Flags">The two flag bytes read as u16 little-endian (<c>00 80</c> is 0x8000).</param>
public readonly record struct MeterTotal(uint Value, ushort Reserved, ushort Flags)
{
    /// <summary>The flags value that marks a total as not reported.</summary>
    public const ushort NotReportedFlag = 0x8000;

    /// <summary>True when the flags do not mark the total as not reported.</summary>
    public bool IsValid => (Flags & NotReportedFlag) == 0;

    internal static MeterTotal Read(ReadOnlySpan<byte> data, int offset)
        => new(TelemetryValue.U32(data, offset), TelemetryValue.U16(data, offset + 4), TelemetryValue.U16(data, offset + 6));

    internal void Write(Span<byte> data, int offset)
    {
        TelemetryValue.Put(data, offset, Value);
        TelemetryValue.Put(data, offset + 4, Reserved);
        TelemetryValue.Put(data, offset + 6, Flags);
    }
}
