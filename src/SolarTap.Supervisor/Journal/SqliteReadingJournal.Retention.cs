using Microsoft.Data.Sqlite;

namespace SolarTap.Supervisor.Journal;

public sealed partial class SqliteReadingJournal
{
    /// <summary>
    /// Deletes readings older than <paramref name="maxAge"/> (by their own timestamp), then the oldest readings (by
    /// sequence, 5 % at a time) while the database uses more than <paramref name="maxBytes"/>. Freed pages are reused
    /// by later appends, so the file stops growing at about the limit. Gives the number of readings deleted.
    /// </summary>
    public long Prune(TimeSpan maxAge, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        long deleted = 0;
        lock (_gate)
        {
            SqliteConnection connection = Connection();
            using (SqliteCommand byAge = connection.CreateCommand())
            {
                byAge.CommandText = "DELETE FROM readings WHERE ts_us < $cutoff;";
                byAge.Parameters.AddWithValue("$cutoff", ToMicroseconds(_time.GetUtcNow() - maxAge));
                deleted += byAge.ExecuteNonQuery();
            }

            long pageSize = Scalar(connection, "PRAGMA page_size;");
            while ((Scalar(connection, "PRAGMA page_count;") - Scalar(connection, "PRAGMA freelist_count;")) * pageSize > maxBytes)
            {
                long count = Scalar(connection, "SELECT count(*) FROM readings;");
                if (count == 0)
                {
                    break;
                }

                using SqliteCommand oldest = connection.CreateCommand();
                oldest.CommandText = "DELETE FROM readings WHERE seq IN (SELECT seq FROM readings ORDER BY seq LIMIT $n);";
                oldest.Parameters.AddWithValue("$n", Math.Max(1, count / 20));
                deleted += oldest.ExecuteNonQuery();
            }

            if (deleted > 0)
            {
                Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }

        return deleted;
    }
}
