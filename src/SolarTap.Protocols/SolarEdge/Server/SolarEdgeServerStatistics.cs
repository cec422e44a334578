namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>Counters of one <see cref="SolarEdgeServerSession"/> or <see cref="SolarEdgeRelayTap"/>.</summary>
public sealed class SolarEdgeServerStatistics
{
    /// <summary>Valid messages received (outer messages; a wrapper counts once).</summary>
    public long Messages { get; internal set; }

    /// <summary>0x0500 posts decoded, empty ones included.</summary>
    public long Posts { get; internal set; }

    /// <summary>Empty 0x0500 posts.</summary>
    public long EmptyPosts { get; internal set; }

    /// <summary>Commits asked for.</summary>
    public long Commits { get; internal set; }

    /// <summary>ACKs produced (for posts and key exchanges).</summary>
    public long Acks { get; internal set; }

    /// <summary>0x0580 replies produced.</summary>
    public long TimeReplies { get; internal set; }

    /// <summary>0x0501 requests left unanswered because the clock was not synchronised.</summary>
    public long TimeRefusals { get; internal set; }

    /// <summary>Replies sent inside a 0x003D wrapper.</summary>
    public long WrappedReplies { get; internal set; }

    /// <summary>Replies that could not be made (encrypted inverter without key).</summary>
    public long RepliesWithheld { get; internal set; }

    /// <summary>0x003D wrappers that could not be opened.</summary>
    public long UndecryptedWrappers { get; internal set; }
}
