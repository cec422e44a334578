namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>What a <see cref="SolarEdgeRelayTap"/> decoded from one chunk of a relayed connection.</summary>
/// <param name="Posts">Decoded 0x0500 posts, in order; journal their readings (no ACK is due: the real server answers).</param>
/// <param name="Events">Facts for the status model, in order.</param>
public sealed record SolarEdgeTapBatch(IReadOnlyList<SolarEdgePost> Posts, IReadOnlyList<SolarEdgeServerEvent> Events)
{
    /// <summary>Nothing decoded.</summary>
    public static SolarEdgeTapBatch Empty { get; } = new([], []);
}
