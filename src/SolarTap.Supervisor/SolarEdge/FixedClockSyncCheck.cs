namespace SolarTap.Supervisor.SolarEdge;

/// <summary>A clock check with a fixed answer (the demo, tests, and <c>require_clock_sync: false</c>).</summary>
/// <param name="synchronized">The answer.</param>
public sealed class FixedClockSyncCheck(bool synchronized) : IClockSyncCheck
{
    /// <summary>The answer; tests may change it while the server runs.</summary>
    public bool Synchronized { get; set; } = synchronized;

    /// <inheritdoc/>
    public bool IsSynchronized() => Synchronized;
}
