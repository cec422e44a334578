namespace SolarTap.Testing.Serial;

/// <summary>
/// A clock that moves only when told (wall time and the monotonic timestamp together), for drivers whose waits are
/// made to pass instantly by <see cref="ClockedSerialPort"/>. Timers are not supported.
/// </summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private TimeSpan _elapsed;

    /// <summary>Time moved so far.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_lock)
            {
                return _elapsed;
            }
        }
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => start + Elapsed;

    /// <inheritdoc/>
    public override long GetTimestamp() => Elapsed.Ticks;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_lock)
        {
            _elapsed += by;
        }
    }
}
