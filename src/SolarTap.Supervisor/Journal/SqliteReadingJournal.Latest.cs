using Microsoft.Data.Sqlite;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Supervisor.Journal;

public sealed partial class SqliteReadingJournal
{
    /// <summary>
    /// Each device's newest reading (by its own timestamp), one index lookup per device: the status surfaces' start
    /// point, however large the journal is.
    /// </summary>
    public IReadOnlyList<JournalEntry> ReadLatestPerDevice()
    {
        lock (_gate)
        {
            using SqliteCommand query = Connection().CreateCommand();
            query.CommandText = $"""
                {SelectEntries}
                WHERE r.seq IN (SELECT (SELECT seq FROM readings WHERE device_id = dd.id ORDER BY ts_us DESC LIMIT 1) FROM devices dd)
                ORDER BY r.seq;
                """;
            return ReadEntries(query);
        }
    }

    /// <summary>
    /// The readings of one device with timestamps in [<paramref name="since"/>, <paramref name="until"/>), oldest
    /// first, at most <paramref name="max"/> (for charts; the (device, timestamp) index makes this a range scan).
    /// </summary>
    public IReadOnlyList<Reading> ReadDevice(DeviceKind kind, string serial, DateTimeOffset since, DateTimeOffset until, int max)
    {
        ArgumentNullException.ThrowIfNull(serial);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            using SqliteCommand query = Connection().CreateCommand();
            query.CommandText = $"""
                {SelectEntries}
                WHERE r.device_id = (SELECT id FROM devices WHERE kind = $k AND serial = $s) AND r.ts_us >= $since AND r.ts_us < $until
                ORDER BY r.ts_us LIMIT $max;
                """;
            query.Parameters.AddWithValue("$k", ReadingJsonWriter.KindName(kind));
            query.Parameters.AddWithValue("$s", serial);
            query.Parameters.AddWithValue("$since", ToMicroseconds(since));
            query.Parameters.AddWithValue("$until", ToMicroseconds(until));
            query.Parameters.AddWithValue("$max", max);
            return [.. ReadEntries(query).Select(e => e.Reading)];
        }
    }
}
