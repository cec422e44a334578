namespace SolarTap.Protocols.Display;

/// <summary>How forwarding upstream is going (issue 7: the upstream LED and page).</summary>
public enum UpstreamState
{
    /// <summary>No sink is configured.</summary>
    NotConfigured,

    /// <summary>Every sink delivers; nothing is waiting.</summary>
    Ok,

    /// <summary>At least one sink is behind or down; readings wait in the journal.</summary>
    Buffering,
}
