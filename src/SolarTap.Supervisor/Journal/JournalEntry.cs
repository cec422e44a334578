using SolarTap.Protocols.Readings;

namespace SolarTap.Supervisor.Journal;

/// <summary>One reading read back from the journal, with where it is: a sink's cursor is the <see cref="Next"/> of the last entry it delivered.</summary>
/// <param name="Position">Byte offset of the entry in the journal file.</param>
/// <param name="Next">Byte offset of the entry after it.</param>
/// <param name="Reading">The reading.</param>
public sealed record JournalEntry(long Position, long Next, Reading Reading);
