namespace SolarTap.Devices.Serial;

/// <summary>The master's mutable record of one slave; <see cref="Snapshot"/> gives the immutable view.</summary>
internal sealed class Rs485SlaveState(uint id, TimeSpan initialBackoff)
{
    public uint Id { get; } = id;

    public DateTimeOffset? LastAnswer { get; set; }

    public long Polls { get; set; }

    public long Posts { get; set; }

    public long Timeouts { get; set; }

    public long CrcErrors { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>Set while the slave is offline: no poll before this time.</summary>
    public DateTimeOffset? NextAttempt { get; set; }

    public TimeSpan Backoff { get; set; } = initialBackoff;

    /// <summary>Offline: it missed enough polls in a row to be tried only after a backoff.</summary>
    public bool BackingOff => NextAttempt is not null;

    public Rs485SlaveStatus Snapshot() => new(
        Id, LastAnswer is not null && !BackingOff, LastAnswer, Polls, Posts, Timeouts, CrcErrors, ConsecutiveFailures, NextAttempt);
}
