using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Sinks;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Sinks;

public class JsonLinesFilesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 23, 50, 0, TimeSpan.Zero);

    private static Reading At(int minutes) =>
        new(new DeviceIdentity(DeviceKind.Inverter, "7F104920"), T0.AddMinutes(minutes), [new Measurement(Quantity.AcPower, minutes)]);

    [Fact]
    public void Append_SplitsByTheReadingsUtcDate()
    {
        using var temp = new TempFolder();
        var files = new JsonLinesFiles(temp.File("out"), 1 << 20, 1 << 30);

        files.Append([At(0), At(5), At(15)]);

        Assert.Equal(
            "{\"time\":\"2025-06-01T23:50:00Z\",\"kind\":\"inverter\",\"device\":\"7F104920\",\"values\":{\"AcPower\":0}}\n" +
            "{\"time\":\"2025-06-01T23:55:00Z\",\"kind\":\"inverter\",\"device\":\"7F104920\",\"values\":{\"AcPower\":5}}\n",
            File.ReadAllText(temp.File("out/readings-2025-06-01.jsonl")));
        Assert.Single(File.ReadAllLines(temp.File("out/readings-2025-06-02.jsonl")));
    }

    [Fact]
    public void Append_FullFile_ContinuesInTheNextPart_AndPruneDeletesTheOldest()
    {
        using var temp = new TempFolder();
        var files = new JsonLinesFiles(temp.File("out"), 200, 450);

        files.Append([At(0), At(1)]);
        files.Append([At(2), At(3), At(4), At(5)]);

        string[] names = [.. Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["readings-2025-06-01.2.jsonl", "readings-2025-06-01.3.jsonl", "readings-2025-06-01.jsonl"], names);
        Assert.All(names, n => Assert.True(new FileInfo(temp.File($"out/{n}")).Length <= 200));

        Assert.Equal(1, files.Prune());

        Assert.False(File.Exists(temp.File("out/readings-2025-06-01.jsonl"))); // part 1 is the oldest
        Assert.True(File.Exists(temp.File("out/readings-2025-06-01.3.jsonl")));
    }

    [Fact]
    public async Task Sink_WritesEveryJournalEntryOnceAndKeepsItsCursor()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        journal.Append([At(0), At(1)]);
        var status = new StatusModel(TimeProvider.System);
        var options = new JsonLinesOptions { Directory = temp.File("out") };
        using (var sink = new JsonLinesSink(journal, options, status, TimeProvider.System, NullLogger<JsonLinesSink>.Instance))
        {
            await sink.StartAsync(CancellationToken.None);
            journal.Append([At(2), At(1)]); // At(1) again: a duplicate, dropped by the journal
            for (int i = 0; i < 200 && journal.GetCursor(JsonLinesSink.Name) < journal.LastSequence; i++)
            {
                await Task.Delay(25);
            }

            await sink.StopAsync(CancellationToken.None);
        }

        Assert.Equal(3, File.ReadAllLines(temp.File("out/readings-2025-06-01.jsonl")).Length);
        Assert.Equal(journal.LastSequence, journal.GetCursor(JsonLinesSink.Name));
        Assert.Equal(0, status.Snapshot().Sinks.Single().Backlog);
    }
}
