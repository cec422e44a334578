using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// Raw posts (table <c>posts</c>): written in the transaction of their readings, one row per device and payload.
/// </summary>
/// <remarks>
/// A post is the same post when its device and its payload bytes are the same: an inverter that re-sends after a lost
/// ACK (or a replayed capture) sends the very same payload, only the message header (sequence, wrapper) changes. The
/// key is the payload's SHA-256 rather than the payload itself, so the unique index stays small; two different
/// payloads with the same SHA-256 are not expected to exist.
/// </remarks>
public sealed partial class SqliteReadingJournal
{
    private const string SelectPosts = "SELECT id, device, ts_us, received_us, payload FROM posts";

    /// <summary>Up to <paramref name="max"/> raw posts after <paramref name="id"/> (a post cursor, 0 for all), in the order they were stored.</summary>
    public IReadOnlyList<JournalPost> ReadPostsAfter(long id, int max) =>
        ReadPage(SelectPosts, "id", timeColumn: null, id, max, default, default, ReadPosts);

    /// <summary>
    /// Up to <paramref name="max"/> raw posts after <paramref name="id"/> whose own time is in
    /// [<paramref name="since"/>, <paramref name="until"/>), in the order they were stored (for exports, page by page).
    /// </summary>
    public IReadOnlyList<JournalPost> ReadPostsRange(DateTimeOffset since, DateTimeOffset until, long id, int max) =>
        ReadPage(SelectPosts, "id", "ts_us", id, max, since, until, ReadPosts);

    private static bool HasPayload(RawPost? post) => post is { Payload.IsEmpty: false };

    // In the caller's transaction; 1 when the post was new, 0 when it was stored already (or there is none).
    private int InsertPost(SqliteTransaction tx, RawPost? post, long received)
    {
        if (!HasPayload(post))
        {
            return 0;
        }

        SqliteCommand insert = _insertPost!;
        insert.Transaction = tx;
        insert.Parameters[0].Value = post!.Device;
        insert.Parameters[1].Value = ToMicroseconds(post.Time);
        insert.Parameters[2].Value = received;
        insert.Parameters[3].Value = SHA256.HashData(post.Payload.Span);
        insert.Parameters[4].Value = post.Payload.ToArray();
        return insert.ExecuteNonQuery();
    }

    private static List<JournalPost> ReadPosts(SqliteCommand query)
    {
        var posts = new List<JournalPost>();
        using SqliteDataReader reader = query.ExecuteReader();
        while (reader.Read())
        {
            posts.Add(new JournalPost(reader.GetInt64(0), reader.GetString(1), FromMicroseconds(reader.GetInt64(2)),
                FromMicroseconds(reader.GetInt64(3)), (byte[])reader.GetValue(4)));
        }

        return posts;
    }
}
