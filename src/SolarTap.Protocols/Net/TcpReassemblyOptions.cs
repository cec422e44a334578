namespace SolarTap.Protocols.Net;

/// <summary>Limits and timeouts of <see cref="TcpReassembler"/>; the defaults follow spec §5.4 rule 4.</summary>
public sealed record TcpReassemblyOptions
{
    /// <summary>How long a hole before buffered data may stay open, in capture time, before it is skipped (60 s).</summary>
    public TimeSpan GapTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A flow without segments for this long, in capture time, is closed (1 h).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a closed flow is remembered so late retransmissions are not taken for a new stream (2 min).</summary>
    public TimeSpan ClosedLinger { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Out-of-order bytes buffered per flow; beyond this the oldest gap is skipped (1 MiB).</summary>
    public int MaxBufferedBytesPerFlow { get; init; } = 1 << 20;

    /// <summary>Flows tracked at once; a new flow beyond this evicts the least recently seen one (1024).</summary>
    public int MaxFlows { get; init; } = 1024;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A timeout is not positive or a limit is below 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(GapTimeout, TimeSpan.Zero, nameof(GapTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero, nameof(IdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ClosedLinger, TimeSpan.Zero, nameof(ClosedLinger));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBufferedBytesPerFlow, 1, nameof(MaxBufferedBytesPerFlow));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFlows, 1, nameof(MaxFlows));
    }
}
