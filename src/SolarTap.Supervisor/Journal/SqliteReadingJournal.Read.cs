using Microsoft.Data.Sqlite;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Supervisor.Journal;

public sealed partial class SqliteReadingJournal
{
    private const string SelectEntries = """
        SELECT r.seq, r.ts_us, r.received_us, r."values", d.kind, d.serial, d.parent, d.manufacturer
        FROM readings r JOIN devices d ON d.id = r.device_id
        """;

    private static readonly Dictionary<string, DeviceKind> Kinds =
        Enum.GetValues<DeviceKind>().ToDictionary(ReadingJsonWriter.KindName, k => k, StringComparer.Ordinal);

    /// <summary>Up to <paramref name="max"/> entries after <paramref name="sequence"/> (a sink's cursor, 0 for all), in order.</summary>
    public IReadOnlyList<JournalEntry> ReadAfter(long sequence, int max) =>
        ReadPage(SelectEntries, "r.seq", timeColumn: null, sequence, max, default, default, ReadEntries);

    /// <summary>
    /// Up to <paramref name="max"/> entries after <paramref name="sequence"/> whose reading timestamp is in
    /// [<paramref name="since"/>, <paramref name="until"/>), in the order they were stored (for exports, page by page).
    /// </summary>
    public IReadOnlyList<JournalEntry> ReadRange(DateTimeOffset since, DateTimeOffset until, long sequence, int max) =>
        ReadPage(SelectEntries, "r.seq", "r.ts_us", sequence, max, since, until, ReadEntries);

    /// <summary>
    /// One page of rows in the order they were stored: those whose <paramref name="keyColumn"/> is after
    /// <paramref name="after"/> and, with a <paramref name="timeColumn"/>, whose time is in [since, until).
    /// </summary>
    private List<T> ReadPage<T>(string select, string keyColumn, string? timeColumn, long after, int max,
        DateTimeOffset since, DateTimeOffset until, Func<SqliteCommand, List<T>> read)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            using SqliteCommand query = Connection().CreateCommand();
            string range = timeColumn is null ? "" : $" AND {timeColumn} >= $since AND {timeColumn} < $until";
            query.CommandText = $"{select} WHERE {keyColumn} > $after{range} ORDER BY {keyColumn} LIMIT $max;";
            query.Parameters.AddWithValue("$after", after);
            query.Parameters.AddWithValue("$max", max);
            if (timeColumn is not null)
            {
                query.Parameters.AddWithValue("$since", ToMicroseconds(since));
                query.Parameters.AddWithValue("$until", ToMicroseconds(until));
            }

            return read(query);
        }
    }

    /// <inheritdoc/>
    public (string? Model, string? Firmware) GetDeviceDetails(DeviceIdentity device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_gate)
        {
            using SqliteCommand query = Connection().CreateCommand();
            query.CommandText = "SELECT model, firmware FROM devices WHERE kind = $k AND serial = $s;";
            query.Parameters.AddWithValue("$k", ReadingJsonWriter.KindName(device.Kind));
            query.Parameters.AddWithValue("$s", device.Serial);
            using SqliteDataReader reader = query.ExecuteReader();
            return reader.Read() ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : (null, null);
        }
    }

    /// <summary>
    /// A cursor whose name ends in this counts raw posts (<see cref="JournalPost.Id"/>), not readings; its backlog in
    /// <see cref="GetStats"/> is the posts after it.
    /// </summary>
    public const string PostCursorSuffix = ".posts";

    /// <summary>The sequence (or post id, for a post cursor) a sink delivered up to (0 when it never delivered).</summary>
    public long GetCursor(string sink)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        lock (_gate)
        {
            using SqliteCommand query = Connection().CreateCommand();
            query.CommandText = "SELECT seq FROM sink_cursors WHERE sink = $sink;";
            query.Parameters.AddWithValue("$sink", sink);
            return query.ExecuteScalar() is long seq ? seq : 0;
        }
    }

    /// <summary>Stores (durably) that <paramref name="sink"/> delivered everything up to <paramref name="sequence"/>.</summary>
    public void SetCursor(string sink, long sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        lock (_gate)
        {
            using SqliteCommand upsert = Connection().CreateCommand();
            upsert.CommandText = """
                INSERT INTO sink_cursors (sink, seq, updated_us) VALUES ($sink, $seq, $now)
                ON CONFLICT (sink) DO UPDATE SET seq = excluded.seq, updated_us = excluded.updated_us;
                """;
            upsert.Parameters.AddWithValue("$sink", sink);
            upsert.Parameters.AddWithValue("$seq", sequence);
            upsert.Parameters.AddWithValue("$now", ToMicroseconds(_time.GetUtcNow()));
            upsert.ExecuteNonQuery();
        }
    }

    /// <summary>Counts, time span, size and sink cursors, for <c>solartap journal stats</c>.</summary>
    public JournalStats GetStats()
    {
        lock (_gate)
        {
            SqliteConnection connection = Connection();
            long pageSize = Scalar(connection, "PRAGMA page_size;");
            long first = Scalar(connection, "SELECT coalesce(min(ts_us), 0) FROM readings;");
            long last = Scalar(connection, "SELECT coalesce(max(ts_us), 0) FROM readings;");
            long readings = Scalar(connection, "SELECT count(*) FROM readings;");
            var cursors = new List<JournalSinkCursor>();
            using (SqliteCommand query = connection.CreateCommand())
            {
                query.CommandText = $$"""
                    SELECT sink, seq, CASE WHEN sink LIKE '%{{PostCursorSuffix}}'
                        THEN (SELECT count(*) FROM posts WHERE id > c.seq) ELSE (SELECT count(*) FROM readings WHERE seq > c.seq) END
                    FROM sink_cursors c ORDER BY sink;
                    """;
                using SqliteDataReader reader = query.ExecuteReader();
                while (reader.Read())
                {
                    cursors.Add(new JournalSinkCursor(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
                }
            }

            return new JournalStats(
                Path,
                readings,
                Scalar(connection, "SELECT count(*) FROM devices;"),
                Scalar(connection, "SELECT count(*) FROM unknown_frames;"),
                Scalar(connection, "SELECT count(*) FROM posts;"),
                readings == 0 ? null : FromMicroseconds(first),
                readings == 0 ? null : FromMicroseconds(last),
                Scalar(connection, "SELECT coalesce(max(seq), 0) FROM readings;"),
                (Scalar(connection, "PRAGMA page_count;") - Scalar(connection, "PRAGMA freelist_count;")) * pageSize,
                cursors);
        }
    }

    /// <summary>The database's integrity check: "ok", or what is wrong.</summary>
    public string CheckIntegrity()
    {
        lock (_gate)
        {
            using SqliteCommand query = Connection().CreateCommand();
            query.CommandText = "PRAGMA integrity_check;";
            return Convert.ToString(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
    }

    private static List<JournalEntry> ReadEntries(SqliteCommand query)
    {
        var entries = new List<JournalEntry>();
        using SqliteDataReader reader = query.ExecuteReader();
        while (reader.Read())
        {
            if (!Kinds.TryGetValue(reader.GetString(4), out DeviceKind kind))
            {
                continue; // a kind a later version wrote
            }

            var device = new DeviceIdentity(kind, reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7));
            List<Measurement> values = JournalValuesCodec.Read(reader.GetString(3), out _);
            entries.Add(new JournalEntry(reader.GetInt64(0),
                new Reading(device, FromMicroseconds(reader.GetInt64(1)), values), FromMicroseconds(reader.GetInt64(2))));
        }

        return entries;
    }
}
