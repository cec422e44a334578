namespace SolarTap.Supervisor.Journal;

/// <summary>Where a sink is in the journal.</summary>
/// <param name="Sink">The sink's name, e.g. "mqtt".</param>
/// <param name="Sequence">The last sequence it delivered.</param>
/// <param name="Backlog">Readings stored after it.</param>
public sealed record JournalSinkCursor(string Sink, long Sequence, long Backlog);
