namespace SolarTap.Devices.Serial;

/// <summary>How a <see cref="SolarEdgeRs485Master"/> polls its bus (spec §6.2).</summary>
public sealed record SolarEdgeRs485MasterOptions
{
    /// <summary>The slave inverter IDs to poll, in order (semonitor <c>-s id1,id2</c>).</summary>
    public required IReadOnlyList<uint> Slaves { get; init; }

    /// <summary>How long to wait for a slave's first answer to a grant before trying again. Default 1 s.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a grant may last, posts included (semonitor MASTER_MSG_TIMEOUT, 10 s). A slave that answered but
    /// sends no 0x039A (newer firmware, spec §6.2) gives the bus back after <see cref="ResponseTimeout"/> of quiet.
    /// </summary>
    public TimeSpan GrantTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Grants re-sent to an online slave that did not answer, within the same cycle. Default 2.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Polls in a row without an answer after which a slave is offline. Default 3.</summary>
    public int OfflineAfter { get; init; } = 3;

    /// <summary>The first wait before an offline slave is tried again; it doubles after each miss. Default 10 s.</summary>
    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between attempts at an offline slave. Default 5 min.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Time from the start of one poll cycle to the next (semonitor MASTER_MSG_INTERVAL, 5 s).</summary>
    public TimeSpan CycleInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The time zone whose offset goes into 0x0580 time answers (spec §2.2). Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Checks the values; the message names the bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Slaves.Count == 0)
        {
            throw new ArgumentException("At least one slave ID is needed.");
        }

        if (ResponseTimeout <= TimeSpan.Zero || GrantTimeout < ResponseTimeout)
        {
            throw new ArgumentException("The response timeout must be positive and at most the grant timeout.");
        }

        if (Retries < 0 || OfflineAfter < 1 || BackoffInitial <= TimeSpan.Zero || BackoffMax < BackoffInitial || CycleInterval < TimeSpan.Zero)
        {
            throw new ArgumentException("Retries must be 0 or more, offline-after 1 or more, and the backoff positive with max >= initial.");
        }
    }
}
