using SolarTap.Protocols.Readings;

namespace SolarTap.Supervisor.Journal;

/// <summary>One reading read back from the journal. A sink's cursor is the <see cref="Sequence"/> of the last entry it delivered.</summary>
/// <param name="Sequence">The entry's place in the journal: increases with every stored reading and is never reused.</param>
/// <param name="Reading">The reading, with the device's own timestamp.</param>
/// <param name="Received">When the appliance committed it (for latency and statistics).</param>
public sealed record JournalEntry(long Sequence, Reading Reading, DateTimeOffset Received);
