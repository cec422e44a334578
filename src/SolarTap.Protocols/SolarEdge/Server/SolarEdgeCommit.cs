namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// Make <see cref="Post"/>'s readings (and unknown records) durable, then call
/// <see cref="SolarEdgeServerSession.Committed"/> with <see cref="Token"/> and send the ACK it returns. A crash before
/// the commit costs nothing: the inverter re-sends the post (ARCHITECTURE §3, spec §5.2).
/// </summary>
/// <param name="Post">The decoded post.</param>
/// <param name="Token">What to hand back once committed.</param>
public sealed record SolarEdgeCommit(SolarEdgePost Post, SolarEdgeCommitToken Token) : SolarEdgeServerAction;
