using Microsoft.Data.Sqlite;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Tests.Status;

namespace SolarTap.Supervisor.Tests.Journal;

/// <summary>Raw posts in the journal (table <c>posts</c>, schema 2): same transaction as the readings, kept once, pruned, migrated.</summary>
public class SqliteReadingJournalPostTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static Reading Inverter(int i) => SqliteReadingJournalTests.Inverter(i, i);

    private static RawPost Post(int i, string device = "7F104920", int size = 40) =>
        new(device, T0.AddMinutes(5 * i), Enumerable.Range(0, size).Select(b => (byte)(b + i)).ToArray());

    [Fact]
    public async Task AppendAsync_WithPost_KeepsThePayloadWithItsReadings()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();

        Assert.Equal(1, await journal.AppendAsync([Inverter(0)], Post(0), CancellationToken.None));
        Assert.Equal(0, await journal.AppendAsync([], Post(1), CancellationToken.None)); // a post without readings (events only) is kept too

        IReadOnlyList<JournalPost> posts = journal.ReadPostsAfter(0, 10);
        Assert.Equal(2, posts.Count);
        Assert.Equal(Post(0).Payload.ToArray(), posts[0].Payload);
        Assert.Equal("7F104920", posts[0].Device);
        Assert.Equal(T0, posts[0].Time);
        Assert.Equal(T0.AddMinutes(5), posts[1].Time);
        Assert.True(posts[0].Id < posts[1].Id);
        Assert.Equal(posts[1].Id, journal.LastPostId);
        Assert.Single(journal.ReadAfter(0, 10));
    }

    [Fact]
    public void Append_ResentPost_IsStoredOnce()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();

        journal.Append([Inverter(0)], Post(0));
        journal.Append([Inverter(0)], Post(0) with { Time = T0.AddHours(1) }); // re-sent after a lost ACK
        journal.Append([], Post(0, device: "7F000002"));                        // the same bytes from another inverter
        journal.Append([Inverter(1)], Post(1));                                  // the next post

        IReadOnlyList<JournalPost> posts = journal.ReadPostsAfter(0, 10);
        Assert.Equal(["7F104920", "7F000002", "7F104920"], posts.Select(p => p.Device));
        Assert.Equal(T0, posts[0].Time); // the first copy wins
        Assert.Equal(3, journal.GetStats().Posts);
    }

    [Fact]
    public void Append_ReadingsFailToCommit_ThePostIsNotStoredEither()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        Execute(journal.Path, "CREATE TRIGGER refuse BEFORE INSERT ON readings BEGIN SELECT RAISE(ABORT, 'no room'); END;");

        Assert.Throws<IOException>(() => journal.Append([Inverter(0)], Post(0)));

        Assert.Empty(journal.ReadPostsAfter(0, 10));
        Assert.Equal(0, journal.LastPostId);
    }

    [Fact]
    public async Task AppendAsync_PostFailsToCommit_TheReadingsOfTheGroupAreNotStoredEither()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        Execute(journal.Path, "CREATE TRIGGER refuse BEFORE INSERT ON posts BEGIN SELECT RAISE(ABORT, 'no room'); END;");

        await Assert.ThrowsAsync<IOException>(async () => await journal.AppendAsync([Inverter(0)], Post(0), CancellationToken.None));

        Assert.Empty(journal.ReadAfter(0, 10));
        Execute(journal.Path, "DROP TRIGGER refuse;");
        Assert.Equal(1, await journal.AppendAsync([Inverter(0)], Post(0), CancellationToken.None)); // sent again: now both are kept
        Assert.Single(journal.ReadPostsAfter(0, 10));
    }

    [Fact]
    public async Task AppendAsync_ManyPostsAtOnce_AreAllKeptInOrderOfTheirReadings()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => journal.AppendAsync([Inverter(i)], Post(i), CancellationToken.None).AsTask())));

        IReadOnlyList<JournalPost> posts = journal.ReadPostsAfter(0, 1000);
        Assert.Equal(100, posts.Count);
        Assert.Equal(100, posts.Select(p => p.Time).Distinct().Count());
    }

    [Fact]
    public void ReadPostsRange_GivesThePostsWhoseTimeIsInTheRange()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        for (int i = 0; i < 10; i++)
        {
            journal.Append([Inverter(i)], Post(i));
        }

        IReadOnlyList<JournalPost> first = journal.ReadPostsRange(T0.AddMinutes(10), T0.AddMinutes(30), 0, 2);
        IReadOnlyList<JournalPost> rest = journal.ReadPostsRange(T0.AddMinutes(10), T0.AddMinutes(30), first[^1].Id, 2);

        Assert.Equal([T0.AddMinutes(10), T0.AddMinutes(15), T0.AddMinutes(20), T0.AddMinutes(25)], first.Concat(rest).Select(p => p.Time));
        Assert.Empty(journal.ReadPostsRange(T0.AddMinutes(10), T0.AddMinutes(30), rest[^1].Id, 2));
    }

    [Fact]
    public async Task WaitForPostAsync_CompletesWhenANewPostIsStored()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        Task waiting = journal.WaitForPostAsync(journal.LastPostId, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        journal.Append([], Post(0));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(journal.WaitForPostAsync(0, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void GetStats_PostCursor_CountsItsBacklogInPosts()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        journal.Append([Inverter(0), Inverter(1), Inverter(2)], Post(0));
        journal.Append([], Post(1));
        journal.SetCursor("jsonl" + SqliteReadingJournal.PostCursorSuffix, journal.ReadPostsAfter(0, 1)[0].Id);
        journal.SetCursor("mqtt", 0);

        JournalStats stats = journal.GetStats();

        Assert.Equal(2, stats.Posts);
        Assert.Equal([1L, 3L], stats.Cursors.Select(c => c.Backlog));
    }

    [Fact]
    public void Prune_DeletesPostsOlderThanMaxAge()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"), new ManualTimeProvider(T0.AddDays(10)));
        journal.Open();
        journal.Append([Inverter(0)], Post(0));
        journal.Append([], Post(0) with { Time = T0.AddDays(9), Payload = new byte[] { 1, 2, 3 } });

        journal.Prune(TimeSpan.FromDays(5), long.MaxValue);

        Assert.Equal(T0.AddDays(9), Assert.Single(journal.ReadPostsAfter(0, 10)).Time);
    }

    [Fact]
    public void Prune_OverMaxSize_DeletesTheOldestPostsToo()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"), new ManualTimeProvider(T0));
        journal.Open();
        for (int i = 0; i < 2000; i++)
        {
            journal.Append([], Post(i, size: 1000)); // posts only: the size must come down by deleting posts
        }

        long limit = journal.GetStats().UsedBytes / 2;

        journal.Prune(TimeSpan.FromDays(3650), limit);

        JournalStats after = journal.GetStats();
        Assert.True(after.UsedBytes <= limit, $"{after.UsedBytes} > {limit}");
        Assert.InRange(after.Posts, 1, 1999);
        Assert.Equal(journal.LastPostId, journal.ReadPostsAfter(0, 5000)[^1].Id); // the newest stay
    }

    [Fact]
    public void Open_SchemaVersion1File_IsMigratedAndKeepsItsReadings()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.db");
        Execute(path, """
            CREATE TABLE devices (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, serial TEXT NOT NULL, parent TEXT, manufacturer TEXT,
                model TEXT, firmware TEXT, first_seen_us INTEGER NOT NULL, UNIQUE (kind, serial));
            CREATE TABLE readings (seq INTEGER PRIMARY KEY AUTOINCREMENT, device_id INTEGER NOT NULL REFERENCES devices(id),
                ts_us INTEGER NOT NULL, received_us INTEGER NOT NULL, "values" TEXT NOT NULL, UNIQUE (device_id, ts_us));
            CREATE INDEX readings_ts ON readings (ts_us);
            CREATE TABLE unknown_frames (id INTEGER PRIMARY KEY AUTOINCREMENT, received_us INTEGER NOT NULL, source TEXT NOT NULL,
                reason TEXT NOT NULL, payload BLOB NOT NULL);
            CREATE TABLE sink_cursors (sink TEXT PRIMARY KEY, seq INTEGER NOT NULL, updated_us INTEGER NOT NULL);
            INSERT INTO devices VALUES (1, 'inverter', '7F104920', NULL, 'SolarEdge', NULL, NULL, 0);
            INSERT INTO readings (device_id, ts_us, received_us, "values") VALUES (1, 1748779200000000, 1748779200000000, '{"AcPower":5}');
            INSERT INTO sink_cursors VALUES ('mqtt', 1, 0);
            PRAGMA user_version = 1;
            """);

        using var journal = new SqliteReadingJournal(path);
        journal.Open();

        Assert.Equal(2L, Query(path, "PRAGMA user_version;"));
        Assert.Equal(5.0, Assert.Single(journal.ReadAfter(0, 10)).Reading.Get(Quantity.AcPower));
        Assert.Equal(1, journal.GetCursor("mqtt"));
        journal.Append([Inverter(1)], Post(1));
        Assert.Single(journal.ReadPostsAfter(0, 10));
        Assert.Equal("ok", journal.CheckIntegrity());
    }

    [Fact]
    public void Open_NewerSchema_IsRefused()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.db");
        Execute(path, "CREATE TABLE later (x); PRAGMA user_version = 99;");
        using var journal = new SqliteReadingJournal(path);

        IOException error = Assert.Throws<IOException>(journal.Open);

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    private static void Execute(string path, string sql)
    {
        SQLitePCL.Batteries.Init();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
