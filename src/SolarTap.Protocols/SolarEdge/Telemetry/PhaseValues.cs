namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>One f32 value per AC phase, as three-phase records lay them out (three consecutive f32).</summary>
/// <param name="L1">Phase 1 (or L1–L2 for line voltages).</param>
/// <param name="L2">Phase 2 (or L2–L3).</param>
/// <param name="L3">Phase 3 (or L3–L1).</param>
public readonly record struct PhaseValues(float L1, float L2, float L3)
{
    internal static PhaseValues Read(ReadOnlySpan<byte> data, int offset)
        => new(TelemetryValue.F32(data, offset), TelemetryValue.F32(data, offset + 4), TelemetryValue.F32(data, offset + 8));

    internal void Write(Span<byte> data, int offset)
    {
        TelemetryValue.Put(data, offset, L1);
        TelemetryValue.Put(data, offset + 4, L2);
        TelemetryValue.Put(data, offset + 8, L3);
    }
}
