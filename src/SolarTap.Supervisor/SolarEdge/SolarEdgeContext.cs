using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>What every connection of the SolarEdge service shares.</summary>
internal sealed class SolarEdgeContext(
    SolarEdgeOptions options, SolarEdgeSessions sessions, SolarEdgeJournalWriter journal, IClockSyncCheck clock,
    SolarEdgeStatusReporter reporter, TimeProvider time)
{
    /// <summary>No new bytes for this long while a message is incomplete: give it up (spec §1.5 rule 6b).</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(2);

    public SolarEdgeOptions Options => options;

    public SolarEdgeSessions Sessions => sessions;

    public SolarEdgeJournalWriter Journal => journal;

    public IClockSyncCheck Clock => clock;

    public SolarEdgeStatusReporter Reporter => reporter;

    public TimeProvider Time => time;

    /// <summary>The answering rules from the configuration (time zone, clock rule).</summary>
    public SolarEdgeServerOptions ServerOptions { get; } = new()
    {
        UtcOffset = SolarEdgeServerOptions.OffsetOf(options.ResolveTimeZone()),
        RequireSynchronizedClock = options.RequireClockSync,
    };

    /// <summary>Whether time requests may be answered now.</summary>
    public bool ClockSynchronized => !options.RequireClockSync || clock.IsSynchronized();
}
