namespace SolarTap.Protocols.Display;

/// <summary>Forwarding upstream.</summary>
/// <param name="State">Overall state.</param>
/// <param name="Sinks">The configured sinks; the first three are shown.</param>
public sealed record UpstreamView(UpstreamState State, IReadOnlyList<SinkView> Sinks)
{
    /// <summary>The largest backlog of any sink.</summary>
    public long Backlog => Sinks.Count == 0 ? 0 : Sinks.Max(s => s.Backlog);
}
