using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Tests.Hosting;

namespace SolarTap.Supervisor.Tests.Journal;

/// <summary>A real process appends batches and is killed with SIGKILL again and again; nothing it reported is lost or doubled.</summary>
public class JournalCrashTests
{
    private const int BatchSize = 20;
    private const int Kills = 8;

    [Fact]
    public async Task KillNine_InALoopWhileWriting_EveryReportedBatchIsStoredExactlyOnceAndTheDatabaseIsIntact()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.db");
        var reported = new List<long>();
        long next = 0;
        for (int round = 0; round < Kills; round++)
        {
            using var process = Process.Start(SupervisorProcess.StartInfo(null,
                "journal", "write-test", "--journal", path, "--start", next.ToString(CultureInfo.InvariantCulture),
                "--batch-size", BatchSize.ToString(CultureInfo.InvariantCulture)))!;
            var lines = new List<long>();
            var firstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    lock (lines)
                    {
                        lines.Add(long.Parse(line["committed ".Length..], CultureInfo.InvariantCulture));
                    }

                    firstCommit.TrySetResult();
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await firstCommit.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(50 + (round * 37 % 200)); // kill at varying points of a batch

            process.Kill(); // SIGKILL
            await process.WaitForExitAsync();
            lock (lines)
            {
                reported.AddRange(lines);
                next = lines[^1] + 1; // the batch in flight may or may not be stored: it is written again, as an inverter would re-send
            }
        }

        Assert.True(reported.Count > Kills, $"only {reported.Count} batches were committed");
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using SqliteCommand query = connection.CreateCommand();
        query.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", query.ExecuteScalar());
        query.CommandText = "SELECT count(*) FROM readings;";
        long stored = (long)query.ExecuteScalar()!;
        Assert.True(stored >= reported.Count * BatchSize);
        query.CommandText = "SELECT json_extract(\"values\", '$.AcPower') AS batch, count(*) FROM readings GROUP BY batch ORDER BY batch;";
        var perBatch = new Dictionary<long, long>();
        using (SqliteDataReader reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                perBatch[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        foreach (long batch in reported)
        {
            Assert.True(perBatch.TryGetValue(batch, out long count) && count == BatchSize, $"batch {batch}: {count} readings stored, expected {BatchSize}");
        }

        Assert.All(perBatch.Values, count => Assert.Equal(BatchSize, count)); // no batch doubled or torn either

        using var journal = new SqliteReadingJournal(path);
        journal.Open();
        Assert.Equal(stored, journal.GetStats().Readings);
    }
}
