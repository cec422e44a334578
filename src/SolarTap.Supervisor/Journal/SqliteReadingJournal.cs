using Microsoft.Data.Sqlite;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// The durable journal in one SQLite database (schema: <see cref="JournalSchema"/>, docs/journal.md). WAL mode with
/// synchronous=FULL: a batch is one transaction, and its commit is fsynced before <see cref="AppendAsync(IReadOnlyList{Reading}, CancellationToken)"/> returns.
/// A reading whose (device, timestamp) is already stored is dropped (INSERT OR IGNORE on a UNIQUE index), so an
/// inverter re-sending after a lost ACK, or a replay, never reaches a sink twice.
/// </summary>
/// <remarks>
/// One connection serialised by a lock: appends, sink reads and cursor updates are short. Asynchronous appends from
/// many sources go through one writer that commits whatever is waiting in one transaction (group commit), so 50
/// inverters posting at once cost a few fsyncs and block no thread-pool threads. SQLite's own file lock
/// keeps a second writer process out for as long as a write lasts (busy timeout 5 s).
/// </remarks>
public sealed partial class SqliteReadingJournal : IReadingJournal, IUnknownFrameStore, IDeviceDetailsStore, IDisposable
{
    /// <summary>
    /// SQLite's page cache, KiB (its default is 2000). Appends touch few pages and the OS caches the file anyway;
    /// 2 MB of the supervisor's resident memory under load were this cache (docs/PERFORMANCE.md, "SolarEdge server").
    /// </summary>
    internal const int PageCacheKiB = 512;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<(DeviceKind, string), DeviceRow> _devices = [];
    private SqliteConnection? _connection;
    private SqliteCommand? _insertReading;
    private SqliteCommand? _insertPost;
    private TaskCompletionSource _appended = NewSignal();
    private long _lastSequence;
    private long _lastPostId;

    /// <summary>A journal at <paramref name="path"/>; nothing is touched until <see cref="Open"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock for received times; the system clock when null.</param>
    public SqliteReadingJournal(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The highest sequence stored so far (0 when the journal is empty).</summary>
    public long LastSequence => Volatile.Read(ref _lastSequence);

    /// <summary>The highest raw post id stored so far (0 when none is).</summary>
    public long LastPostId => Volatile.Read(ref _lastPostId);

    /// <summary>At most this many undecodable frames are kept; older ones are deleted. Default 1000.</summary>
    public int UnknownFramesLimit { get; set; } = 1000;

    /// <summary>Opens (creating the file, its folder and the schema if needed). Idempotent.</summary>
    /// <exception cref="IOException">The database cannot be opened or is not a journal.</exception>
    public void Open()
    {
        lock (_gate)
        {
            if (_connection is not null)
            {
                return;
            }

            string? folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            SQLitePCL.Batteries.Init();
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString());
            try
            {
                connection.Open();
                Execute(connection, "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
                Execute(connection, FormattableString.Invariant($"PRAGMA cache_size=-{PageCacheKiB};"));
                using (SqliteTransaction tx = connection.BeginTransaction())
                {
                    long version = Scalar(connection, "PRAGMA user_version;", tx);
                    if (version > JournalSchema.Version)
                    {
                        throw new IOException($"{Path}: the journal has schema version {version}, written by a newer solartap (this one knows up to {JournalSchema.Version}).");
                    }

                    Execute(connection, JournalSchema.Create, tx); // brings an older schema up to date: versions only add tables
                    Execute(connection, $"PRAGMA user_version={JournalSchema.Version};", tx);
                    tx.Commit();
                }

                _lastSequence = Scalar(connection, "SELECT coalesce(max(seq), 0) FROM readings;");
                _lastPostId = Scalar(connection, "SELECT coalesce(max(id), 0) FROM posts;");
                _insertPost = connection.CreateCommand();
                _insertPost.CommandText =
                    "INSERT OR IGNORE INTO posts (device, ts_us, received_us, sha256, payload) VALUES ($d, $t, $r, $h, $p);";
                _insertPost.Parameters.Add("$d", SqliteType.Text);
                _insertPost.Parameters.Add("$t", SqliteType.Integer);
                _insertPost.Parameters.Add("$r", SqliteType.Integer);
                _insertPost.Parameters.Add("$h", SqliteType.Blob);
                _insertPost.Parameters.Add("$p", SqliteType.Blob);
                _insertReading = connection.CreateCommand();
                _insertReading.CommandText =
                    "INSERT OR IGNORE INTO readings (device_id, ts_us, received_us, \"values\") VALUES ($d, $t, $r, $v);";
                _insertReading.Parameters.Add("$d", SqliteType.Integer);
                _insertReading.Parameters.Add("$t", SqliteType.Integer);
                _insertReading.Parameters.Add("$r", SqliteType.Integer);
                _insertReading.Parameters.Add("$v", SqliteType.Text);
                _connection = connection;
            }
            catch (SqliteException e)
            {
                connection.Dispose();
                throw new IOException($"{Path}: {e.Message}", e);
            }
            catch (IOException)
            {
                connection.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Appends <paramref name="batch"/> in one transaction, fsynced before it returns, and gives how many readings were
    /// new (the rest were duplicates by device and timestamp).
    /// </summary>
    /// <exception cref="IOException">The batch could not be committed; nothing of it is stored.</exception>
    public int Append(IReadOnlyList<Reading> batch) => Append(batch, null);

    /// <summary>
    /// Appends <paramref name="batch"/> and the raw <paramref name="post"/> it came from in one transaction, fsynced
    /// before it returns; gives how many readings were new. A post already stored (same device, same payload) is kept once.
    /// </summary>
    /// <exception cref="IOException">Nothing could be committed; neither the readings nor the post are stored.</exception>
    public int Append(IReadOnlyList<Reading> batch, RawPost? post)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Count == 0 && !HasPayload(post) ? 0 : AppendGroup([new PendingAppend(batch, post)])[0];
    }

    /// <summary>
    /// Appends several batches, each with its raw post if any, in one transaction with one fsync (group commit); gives
    /// how many readings of each batch were new. Either all of them are stored or none.
    /// </summary>
    /// <exception cref="IOException">The batches could not be committed; nothing of them is stored.</exception>
    private int[] AppendGroup(List<PendingAppend> batches)
    {
        TaskCompletionSource signal;
        var addedPerBatch = new int[batches.Count];
        int added = 0;
        int postsAdded = 0;
        lock (_gate)
        {
            SqliteConnection connection = Connection();
            long received = ToMicroseconds(_time.GetUtcNow());
            SqliteTransaction tx = connection.BeginTransaction();
            try
            {
                SqliteCommand insert = _insertReading!;
                insert.Transaction = tx;
                for (int i = 0; i < batches.Count; i++)
                {
                    postsAdded += InsertPost(tx, batches[i].Post, received);
                    foreach (Reading reading in batches[i].Batch)
                    {
                        insert.Parameters[0].Value = DeviceId(connection, tx, reading.Device, received);
                        insert.Parameters[1].Value = ToMicroseconds(reading.Timestamp);
                        insert.Parameters[2].Value = received;
                        insert.Parameters[3].Value = JournalValuesCodec.Write(reading.Values);
                        addedPerBatch[i] += insert.ExecuteNonQuery();
                    }

                    added += addedPerBatch[i];
                }

                tx.Commit();
            }
            catch (SqliteException e)
            {
                TryRollback(tx);
                _devices.Clear(); // rows added in the failed transaction are gone
                throw new IOException($"journal {Path}: the batch was not stored: {e.Message}", e);
            }
            finally
            {
                tx.Dispose();
            }

            if (added == 0 && postsAdded == 0)
            {
                return addedPerBatch;
            }

            Volatile.Write(ref _lastSequence, Scalar(connection, "SELECT coalesce(max(seq), 0) FROM readings;"));
            Volatile.Write(ref _lastPostId, Scalar(connection, "SELECT coalesce(max(id), 0) FROM posts;"));
            signal = _appended;
            _appended = NewSignal();
        }

        signal.TrySetResult();
        return addedPerBatch;
    }

    /// <summary>Completes when a reading after <paramref name="sequence"/> is stored (at once if one already is).</summary>
    public Task WaitForAppendAsync(long sequence, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (LastSequence > sequence)
            {
                return Task.CompletedTask;
            }

            signal = _appended.Task;
        }

        return signal.WaitAsync(cancellationToken);
    }

    /// <summary>Completes when a raw post after <paramref name="id"/> is stored (at once if one already is).</summary>
    public Task WaitForPostAsync(long id, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (LastPostId > id)
            {
                return Task.CompletedTask;
            }

            signal = _appended.Task;
        }

        return signal.WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public void SetDeviceDetails(DeviceIdentity device, string? model, string? firmware)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_gate)
        {
            SqliteConnection connection = Connection();
            using SqliteTransaction tx = connection.BeginTransaction();
            long id = DeviceId(connection, tx, device, ToMicroseconds(_time.GetUtcNow()));
            using SqliteCommand update = connection.CreateCommand();
            update.Transaction = tx;
            update.CommandText = "UPDATE devices SET model = coalesce($m, model), firmware = coalesce($f, firmware) WHERE id = $id;";
            update.Parameters.AddWithValue("$m", (object?)model ?? DBNull.Value);
            update.Parameters.AddWithValue("$f", (object?)firmware ?? DBNull.Value);
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
            tx.Commit();
        }
    }

    /// <inheritdoc/>
    public void RecordUnknownFrame(string source, string reason, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reason);
        byte[] bytes = payload.ToArray();
        lock (_gate)
        {
            SqliteConnection connection = Connection();
            using SqliteTransaction tx = connection.BeginTransaction();
            using SqliteCommand insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO unknown_frames (received_us, source, reason, payload) VALUES ($r, $s, $why, $p);
                DELETE FROM unknown_frames WHERE id <= (SELECT max(id) FROM unknown_frames) - $limit;
                """;
            insert.Parameters.AddWithValue("$r", ToMicroseconds(_time.GetUtcNow()));
            insert.Parameters.AddWithValue("$s", source);
            insert.Parameters.AddWithValue("$why", reason);
            insert.Parameters.AddWithValue("$p", bytes);
            insert.Parameters.AddWithValue("$limit", UnknownFramesLimit);
            insert.ExecuteNonQuery();
            tx.Commit();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        StopGroupCommit();
        lock (_gate)
        {
            _insertReading?.Dispose();
            _insertReading = null;
            _insertPost?.Dispose();
            _insertPost = null;
            _connection?.Dispose();
            _connection = null;
            _devices.Clear();
        }
    }

    /// <summary>Unix microseconds, UTC.</summary>
    internal static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The inverse of <see cref="ToMicroseconds"/>.</summary>
    internal static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);

    private SqliteConnection Connection() =>
        _connection ?? throw new InvalidOperationException($"The journal {Path} is not open.");

    private long DeviceId(SqliteConnection connection, SqliteTransaction tx, DeviceIdentity device, long now)
    {
        if (_devices.TryGetValue((device.Kind, device.Serial), out DeviceRow row)
            && row.Parent == device.Parent && (device.Manufacturer is null || row.Manufacturer == device.Manufacturer))
        {
            return row.Id;
        }

        using SqliteCommand upsert = connection.CreateCommand();
        upsert.Transaction = tx;
        upsert.CommandText = """
            INSERT INTO devices (kind, serial, parent, manufacturer, first_seen_us) VALUES ($k, $s, $p, $m, $now)
            ON CONFLICT (kind, serial) DO UPDATE SET parent = excluded.parent, manufacturer = coalesce(excluded.manufacturer, manufacturer)
            RETURNING id, manufacturer;
            """;
        upsert.Parameters.AddWithValue("$k", ReadingJsonWriter.KindName(device.Kind));
        upsert.Parameters.AddWithValue("$s", device.Serial);
        upsert.Parameters.AddWithValue("$p", (object?)device.Parent ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$m", (object?)device.Manufacturer ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$now", now);
        using SqliteDataReader reader = upsert.ExecuteReader();
        reader.Read();
        long id = reader.GetInt64(0);
        string? manufacturer = reader.IsDBNull(1) ? null : reader.GetString(1);
        _devices[(device.Kind, device.Serial)] = new DeviceRow(id, device.Parent, manufacturer);
        return id;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void TryRollback(SqliteTransaction tx)
    {
        try
        {
            tx.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite rolled back already (e.g. disk full aborts the transaction).
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly record struct DeviceRow(long Id, string? Parent, string? Manufacturer);
}
