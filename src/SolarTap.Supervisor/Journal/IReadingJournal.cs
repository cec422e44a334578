using SolarTap.Protocols.Readings;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// The durable journal every source writes to and every sink reads from (ARCHITECTURE §3). A source acknowledges
/// data to its device (the SolarEdge server's ACK of a 0x0500 post) only after <see cref="AppendAsync(IReadOnlyList{Reading}, CancellationToken)"/> returns:
/// a crash before that costs nothing, because the device sends the data again.
/// </summary>
/// <remarks>
/// Appends may repeat readings (an inverter re-sends after a lost ACK); the journal keeps one reading per device and
/// timestamp, so callers need not check.
/// </remarks>
public interface IReadingJournal
{
    /// <summary>
    /// Appends <paramref name="batch"/> and returns once all of it is on stable storage (fsync), with the number of
    /// readings that were new (the rest were already stored). A batch is committed whole or not at all.
    /// </summary>
    /// <param name="batch">The readings of one post or poll; may be empty (then nothing is written).</param>
    /// <param name="cancellationToken">Cancels before the write starts; a write in progress completes.</param>
    /// <exception cref="IOException">The batch could not be made durable; nothing of it is visible afterwards.</exception>
    ValueTask<int> AppendAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="batch"/> and, in the same transaction, the raw post it was decoded from, so that a post
    /// acknowledged is a post kept. A post whose device and payload are already stored is not stored again. A journal
    /// that keeps no raw posts (the default) appends the readings only.
    /// </summary>
    /// <param name="batch">The readings of the post; may be empty.</param>
    /// <param name="post">The raw post, or null for readings only.</param>
    /// <param name="cancellationToken">Cancels before the write starts; a write in progress completes.</param>
    /// <returns>How many readings were new.</returns>
    /// <exception cref="IOException">Nothing could be made durable; neither the readings nor the post are visible afterwards.</exception>
    ValueTask<int> AppendAsync(IReadOnlyList<Reading> batch, RawPost? post, CancellationToken cancellationToken) =>
        AppendAsync(batch, cancellationToken);
}
