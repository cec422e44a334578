namespace SolarTap.Supervisor.Journal;

/// <summary>What <c>solartap journal stats</c> prints.</summary>
/// <param name="Path">The database file.</param>
/// <param name="Readings">Readings stored.</param>
/// <param name="Devices">Devices known.</param>
/// <param name="UnknownFrames">Undecodable frames kept.</param>
/// <param name="Posts">Raw posts kept (for semonitor's format).</param>
/// <param name="First">The oldest reading's timestamp, or null when empty.</param>
/// <param name="Last">The newest reading's timestamp, or null when empty.</param>
/// <param name="LastSequence">The highest sequence.</param>
/// <param name="UsedBytes">Bytes in use in the database (pages minus free pages).</param>
/// <param name="Cursors">Each sink's cursor and backlog.</param>
public sealed record JournalStats(
    string Path, long Readings, long Devices, long UnknownFrames, long Posts, DateTimeOffset? First, DateTimeOffset? Last,
    long LastSequence, long UsedBytes, IReadOnlyList<JournalSinkCursor> Cursors);
