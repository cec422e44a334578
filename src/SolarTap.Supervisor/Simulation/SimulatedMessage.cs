using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Supervisor.Simulation;

/// <summary>One message the simulator originated and waits to have answered.</summary>
/// <param name="Header">The (inner) message's header.</param>
/// <param name="Inner">The message in clear, barker to CRC.</param>
/// <param name="Wire">The bytes on the wire: <paramref name="Inner"/>, or its 0x003D wrapper. Re-sent unchanged.</param>
/// <param name="Payload">The message's payload (for a post: the telemetry records).</param>
public sealed record SimulatedMessage(SolarEdgeHeader Header, byte[] Inner, byte[] Wire, byte[] Payload)
{
    /// <summary>The sequence number; its answer must carry the same (spec §1.4).</summary>
    public ushort Sequence => Header.Sequence;

    /// <summary>When it was last sent (true time); null before the first send.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many times it was sent.</summary>
    public int Sends { get; set; }
}
