using Microsoft.Data.Sqlite;

namespace SolarTap.Supervisor.Journal;

public sealed partial class SqliteReadingJournal
{
    /// <summary>Rows deleted per transaction, so appends (and the inverter ACKs that wait on them) are never held up for long.</summary>
    private const int PruneChunk = 5000;

    /// <summary>
    /// Deletes readings and raw posts older than <paramref name="maxAge"/> (by their own timestamp), then the oldest
    /// readings (by sequence) and raw posts (by id), 5 % of each at a time, while the database uses more than
    /// <paramref name="maxBytes"/>; in chunks of a few thousand rows, each its own transaction. Freed pages are reused
    /// by later appends, so the file stops growing at about the limit. Gives the number of readings deleted.
    /// </summary>
    public long Prune(TimeSpan maxAge, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        long cutoff = ToMicroseconds(_time.GetUtcNow() - maxAge);
        long deleted = 0;
        int chunk;
        do
        {
            chunk = DeleteChunk("DELETE FROM readings WHERE seq IN (SELECT seq FROM readings WHERE ts_us < $cutoff LIMIT $n);", cutoff);
            deleted += chunk;
        }
        while (chunk == PruneChunk);

        long posts = 0;
        do
        {
            chunk = DeleteChunk("DELETE FROM posts WHERE id IN (SELECT id FROM posts WHERE ts_us < $cutoff LIMIT $n);", cutoff);
            posts += chunk;
        }
        while (chunk == PruneChunk);

        // Over the size: the oldest 5 % of readings and of posts (by id span, cheap to get) at a time, at most a chunk each.
        while (UsedBytes() > maxBytes)
        {
            chunk = DeleteChunk("DELETE FROM readings WHERE seq IN (SELECT seq FROM readings ORDER BY seq LIMIT $n);", 0, Math.Min(PruneChunk, Math.Max(1, Span("seq", "readings") / 20)));
            int postChunk = DeleteChunk("DELETE FROM posts WHERE id IN (SELECT id FROM posts ORDER BY id LIMIT $n);", 0, Math.Min(PruneChunk, Math.Max(1, Span("id", "posts") / 20)));
            deleted += chunk;
            posts += postChunk;
            if (chunk == 0 && postChunk == 0)
            {
                break;
            }
        }

        if (deleted > 0 || posts > 0)
        {
            lock (_gate)
            {
                Execute(Connection(), "PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }

        return deleted;
    }

    private int DeleteChunk(string sql, long cutoff, long count = PruneChunk)
    {
        lock (_gate)
        {
            using SqliteCommand delete = Connection().CreateCommand();
            delete.CommandText = sql;
            delete.Parameters.AddWithValue("$cutoff", cutoff);
            delete.Parameters.AddWithValue("$n", count);
            return delete.ExecuteNonQuery();
        }
    }

    private long Span(string key, string table)
    {
        lock (_gate)
        {
            return Scalar(Connection(), $"SELECT coalesce(max({key}) - min({key}) + 1, 0) FROM {table};");
        }
    }

    private long UsedBytes()
    {
        lock (_gate)
        {
            SqliteConnection connection = Connection();
            return (Scalar(connection, "PRAGMA page_count;") - Scalar(connection, "PRAGMA freelist_count;")) * Scalar(connection, "PRAGMA page_size;");
        }
    }
}
