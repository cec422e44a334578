using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>One received 0x0500 post, decoded (spec §3). Owns its data: it outlives the receive buffer.</summary>
/// <param name="Inverter">The inverter that sent it (the post's source address).</param>
/// <param name="Sequence">The post's sequence number; a re-sent post keeps it (spec §1.4).</param>
/// <param name="ReceivedAt">When its last byte was handed to the engine.</param>
/// <param name="Encrypted">Whether it arrived inside a 0x003D wrapper.</param>
/// <param name="Telemetry">The decoded records; null for an empty (keep-alive) post.</param>
public sealed record SolarEdgePost(uint Inverter, ushort Sequence, DateTimeOffset ReceivedAt, bool Encrypted, TelemetryDecodeResult? Telemetry)
{
    /// <summary>The readings to make durable; empty for an empty post.</summary>
    public IReadOnlyList<Reading> Readings => Telemetry?.Readings ?? [];

    /// <summary>
    /// The 0x0500 payload as received, decrypted when it came wrapped (what semonitor's JSON is made of); empty for an
    /// empty post. Copied once out of the receive buffer, and only for a post that has one.
    /// </summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Whether the post had no payload (spec §5.1 item 4: idle posts of 22 bytes).</summary>
    public bool IsEmpty => Telemetry is null;
}
