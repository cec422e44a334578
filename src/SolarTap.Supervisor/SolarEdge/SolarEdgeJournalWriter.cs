using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// Appends the readings of SolarEdge posts to the journal; when <see cref="AppendAsync"/> returns, they are durable and
/// the post may be acknowledged (ARCHITECTURE §3). A post the inverter sends again (its ACK was lost, or the supervisor
/// died between the commit and the ACK) is stored once: the journal keeps one reading per device and timestamp.
/// </summary>
public sealed class SolarEdgeJournalWriter(IReadingJournal journal)
{
    private readonly IReadingJournal _journal = journal ?? throw new ArgumentNullException(nameof(journal));

    /// <summary>Makes <paramref name="readings"/> durable (or finds them already stored); returns how many were new.</summary>
    /// <exception cref="IOException">The journal could not commit them: do not acknowledge.</exception>
    public async Task<int> AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings.Count == 0 ? 0 : await _journal.AppendAsync(readings, cancellationToken).ConfigureAwait(false);
    }
}
