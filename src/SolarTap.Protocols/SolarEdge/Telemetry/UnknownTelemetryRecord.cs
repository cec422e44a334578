namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>A record that was not decoded, kept raw for the "unknown" table (ARCHITECTURE §3).</summary>
/// <param name="Type">Record type (0 when the header itself was cut off).</param>
/// <param name="DeviceId">Device ID as sent (0 when the header was cut off).</param>
/// <param name="DeclaredLength">The declared data length (−1 when the header was cut off).</param>
/// <param name="Data">
/// The data bytes; for <see cref="UnknownRecordReason.Truncated"/> the bytes that were present (for a cut-off
/// header: all the remaining bytes).
/// </param>
/// <param name="Offset">Position of the record in the payload.</param>
/// <param name="Reason">Why it was not decoded.</param>
public sealed record UnknownTelemetryRecord(
    TelemetryRecordType Type,
    uint DeviceId,
    int DeclaredLength,
    ReadOnlyMemory<byte> Data,
    int Offset,
    UnknownRecordReason Reason);
