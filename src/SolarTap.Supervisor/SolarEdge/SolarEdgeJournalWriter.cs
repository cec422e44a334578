using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// Appends the readings of SolarEdge posts to the journal, leaving out readings already written: a reading is
/// identified by (device kind, serial, timestamp), and the identities of the most recent readings are remembered,
/// seeded at start from the journal's tail. So a post the inverter sends again (its ACK was lost, or the supervisor
/// died between the fsync and the ACK) is stored once. Appends are serialised.
/// </summary>
public sealed class SolarEdgeJournalWriter : IDisposable
{
    /// <summary>How many reading identities are remembered (days of posts of a few inverters).</summary>
    public const int Capacity = 100_000;

    /// <summary>Bytes read back from the end of the journal at start to seed the memory.</summary>
    public const int SeedBytes = 1024 * 1024;

    private readonly IReadingJournal _journal;
    private readonly FileReadingJournal? _file;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<ReadingKey> _recent = [];
    private readonly Queue<ReadingKey> _order = new();

    /// <summary>A writer to <paramref name="journal"/>; <paramref name="file"/>, when given, seeds the memory at <see cref="Seed"/>.</summary>
    public SolarEdgeJournalWriter(IReadingJournal journal, FileReadingJournal? file = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        _file = file;
    }

    /// <summary>Readings left out because they were already in the journal.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Remembers the readings at the end of the journal file (call after it is open). Returns how many.</summary>
    public int Seed()
    {
        if (_file is null)
        {
            return 0;
        }

        try
        {
            long from = Math.Max(0, _file.Length - SeedBytes);
            IReadOnlyList<JournalEntry> entries = _file.Read(from, out _);
            foreach (JournalEntry entry in entries)
            {
                Remember(ReadingKey.Of(entry.Reading));
            }

            return entries.Count;
        }
        catch (InvalidOperationException)
        {
            return 0; // the journal did not open; the journal service reports that
        }
    }

    /// <summary>
    /// Makes <paramref name="readings"/> durable (or finds them already durable). Returns the number written; when it
    /// returns, the post may be acknowledged.
    /// </summary>
    /// <exception cref="IOException">The journal could not write them: do not acknowledge.</exception>
    public async Task<int> AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var fresh = new List<Reading>(readings.Count);
            var keys = new HashSet<ReadingKey>();
            foreach (Reading reading in readings)
            {
                ReadingKey key = ReadingKey.Of(reading);
                if (_recent.Contains(key) || !keys.Add(key))
                {
                    Duplicates++;
                    continue;
                }

                fresh.Add(reading);
            }

            if (fresh.Count > 0)
            {
                await _journal.AppendAsync(fresh, cancellationToken).ConfigureAwait(false);
                foreach (ReadingKey key in keys)
                {
                    Remember(key);
                }
            }

            return fresh.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private void Remember(ReadingKey key)
    {
        if (!_recent.Add(key))
        {
            return;
        }

        _order.Enqueue(key);
        if (_order.Count > Capacity)
        {
            _recent.Remove(_order.Dequeue());
        }
    }

    private readonly record struct ReadingKey(DeviceKind Kind, string Serial, DateTimeOffset Timestamp)
    {
        public static ReadingKey Of(Reading reading) => new(reading.Device.Kind, reading.Device.Serial, reading.Timestamp.ToUniversalTime());
    }
}
