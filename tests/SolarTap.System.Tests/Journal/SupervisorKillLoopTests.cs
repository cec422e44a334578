using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using SolarTap.Supervisor.Simulation;
using SolarTap.System.Tests.Network;
using Xunit.Abstractions;

namespace SolarTap.System.Tests.Journal;

/// <summary>
/// Issue 4 §5: the real supervisor (<c>solartap run</c>, SolarEdge server on loopback, SQLite journal) is killed with
/// SIGKILL at seeded random moments while a simulated inverter streams posts, and started again each time; the
/// inverter sends every un-ACKed post again, as a real one does. Afterwards the journal is intact and holds every
/// ACKed post exactly once, and nothing that was not posted.
/// </summary>
public class SupervisorKillLoopTests(ITestOutputHelper output)
{
    private const int Kills = 20;
    private const int Seed = 4004;
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KillNine_InALoopWhilePostsStream_JournalIntactAndEveryAckedPostStoredExactlyOnce()
    {
        string folder = Directory.CreateTempSubdirectory("st-killloop-").FullName;
        try
        {
            await RunAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunAsync(string folder)
    {
        int port = FreePort();
        string journal = Path.Combine(folder, "journal.db");
        string config = WriteConfig(folder, port, journal);
        var random = new Random(Seed);
        using var inverter = new StreamingInverter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Task streaming = inverter.RunAsync("127.0.0.1", port, stop.Token);

        var clock = Stopwatch.StartNew();
        var kills = new List<DateTimeOffset>();
        for (int round = 0; round < Kills; round++)
        {
            await using RunningProcess supervisor = Start(config);
            int before = inverter.Acknowledged;
            await WaitUntilAsync(() => inverter.Acknowledged > before, supervisor, streaming, $"round {round}: a post acknowledged after the restart");
            int delay = random.Next(0, 400);
            await Task.Delay(delay); // posts keep streaming; the kill lands anywhere: mid-commit, between commit and ACK, idle
            supervisor.KillHard(); // SIGKILL: no shutdown code runs
            await supervisor.Process.WaitForExitAsync();
            kills.Add(DateTimeOffset.UtcNow);
        }

        TimeSpan loop = clock.Elapsed;
        await using (RunningProcess last = Start(config))
        {
            inverter.Freeze();
            await WaitUntilAsync(() => streaming.IsCompleted, last, streaming, "every post made acknowledged by the last supervisor");
            await streaming;
            last.KillHard();
            await last.Process.WaitForExitAsync();
        }

        SolarEdgeInverterSimulator simulator = inverter.Simulator;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{Kills} kills (seed {Seed}) in {loop.TotalSeconds:0.0} s, {loop.TotalMilliseconds / Kills:0} ms per round; {simulator.Posts.Count} posts, " +
            $"{simulator.AcknowledgedPosts.Count} ACKs, {simulator.Resends} re-sent on a connection, {simulator.DuplicateAcks} duplicate ACKs, " +
            $"{inverter.ConnectionErrors} lost or refused connections, {CommittedThenKilled(journal, inverter, kills)} posts committed by a supervisor " +
            $"that was killed before its ACK; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine(summary);
        Console.WriteLine(summary);

        Assert.Empty(simulator.Problems);
        Assert.Equal(simulator.Posts.Count, simulator.AcknowledgedPosts.Count);
        Assert.Equal(simulator.AcknowledgedPosts.Count, simulator.AcknowledgedPosts.Distinct().Count());
        Assert.True(simulator.Posts.Count > Kills * 2, summary);
        VerifyJournal(journal, simulator);
    }

    /// <summary>Integrity, then every reading of every ACKed post exactly once, and nothing else.</summary>
    private static void VerifyJournal(string path, SolarEdgeInverterSimulator simulator)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand query = connection.CreateCommand();
        query.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", query.ExecuteScalar());

        query.CommandText = "SELECT d.kind, d.serial, r.ts_us, count(*) FROM readings r JOIN devices d ON d.id = r.device_id GROUP BY d.kind, d.serial, r.ts_us;";
        var stored = new Dictionary<(string, string, long), long>();
        using (SqliteDataReader reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                stored[(reader.GetString(0), reader.GetString(1), reader.GetInt64(2))] = reader.GetInt64(3);
            }
        }

        query.CommandText = "SELECT count(*) FROM readings;";
        long rows = (long)query.ExecuteScalar()!;

        var acked = simulator.AcknowledgedPosts.ToHashSet();
        var expected = simulator.Posts.Where(p => acked.Contains(p.Sequence)).SelectMany(StreamingInverter.Keys).ToList();
        Assert.Equal(expected.Count, expected.Distinct().Count()); // the test's own premise: every post has its own timestamp
        Assert.Equal(simulator.Posts.Count * (1 + StreamingInverter.Optimizers), expected.Count);
        foreach ((string, string, long) key in expected)
        {
            Assert.True(stored.TryGetValue(key, out long count) && count == 1, $"ACKed reading {key}: stored {count} times, expected once");
        }

        var posted = simulator.Posts.SelectMany(StreamingInverter.Keys).ToHashSet();
        Assert.All(stored.Keys, key => Assert.Contains(key, posted)); // nothing that was not posted
        Assert.Equal(expected.Count, rows);
    }

    /// <summary>
    /// Posts whose readings a supervisor committed before it was killed and which the inverter saw ACKed only after a
    /// restart (it sent them again, the journal kept the first copy): the window the ACK-after-commit rule is about.
    /// </summary>
    private static int CommittedThenKilled(string path, StreamingInverter inverter, List<DateTimeOffset> kills)
    {
        SolarEdgeInverterSimulator simulator = inverter.Simulator;
        if (simulator.AckLatencies.Count != simulator.AcknowledgedPosts.Count)
        {
            return -1;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand query = connection.CreateCommand();
        query.CommandText = "SELECT r.ts_us, r.received_us FROM readings r JOIN devices d ON d.id = r.device_id WHERE d.kind = 'inverter';";
        var received = new Dictionary<long, long>();
        using (SqliteDataReader reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                received[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        var posts = simulator.Posts.ToDictionary(p => p.Sequence);
        int count = 0;
        for (int i = 0; i < simulator.AcknowledgedPosts.Count; i++)
        {
            SimulatedMessage post = posts[simulator.AcknowledgedPosts[i]];
            long ts = StreamingInverter.Keys(post).First().TimestampUs;
            if (post.SentAt is DateTimeOffset sent && received.TryGetValue(ts, out long receivedUs))
            {
                DateTimeOffset committed = DateTimeOffset.UnixEpoch.AddTicks(receivedUs * 10);
                DateTimeOffset ack = inverter.WallClock(sent + simulator.AckLatencies[i]);
                count += kills.Any(k => committed < k && k < ack) ? 1 : 0;
            }
        }

        return count;
    }

    private static RunningProcess Start(string config) =>
        Network.Commands.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "solartap.dll"), "run", "--config", config],
            new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });

    private static string WriteConfig(string folder, int port, string journal)
    {
        string config = Path.Combine(folder, "solartap.yaml");
        Directory.CreateDirectory(Path.Combine(folder, "keys"));
        File.WriteAllText(config, $"""
            solaredge:
              bind_address: 127.0.0.1
              ports: [{port.ToString(CultureInfo.InvariantCulture)}]
              require_clock_sync: false
              keys_directory: {folder}/keys
            journal:
              path: {journal}
            status:
              socket: {folder}/status.sock

            """);
        return config;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, RunningProcess supervisor, Task streaming, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (streaming.IsFaulted)
            {
                await streaming; // the inverter's own failure
            }

            Assert.False(supervisor.Process.HasExited, $"the supervisor exited while waiting for {what}:\n{supervisor.Output}");
            Assert.True(clock.Elapsed < RoundTimeout, $"no {what} within {RoundTimeout.TotalSeconds} s. Supervisor output:\n{supervisor.Output}");
            await Task.Delay(10);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
