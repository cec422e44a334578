using Microsoft.Data.Sqlite;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Tests.Status;

namespace SolarTap.Supervisor.Tests.Journal;

public class SqliteReadingJournalTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, 250, TimeSpan.Zero);

    internal static Reading Inverter(int i, double power) => new(
        new DeviceIdentity(DeviceKind.Inverter, "7F104920", Manufacturer: "SolarEdge"),
        T0.AddMinutes(5 * i),
        [new Measurement(Quantity.AcPower, power), new Measurement(Quantity.AcVoltage, 231.25, Phase.L2), new Measurement(Quantity.Temperature, double.NaN)]);

    private static Reading Optimizer(int i) => new(
        new DeviceIdentity(DeviceKind.Optimizer, "2023765D", Parent: "7F104920"),
        T0.AddMinutes(5 * i),
        [new Measurement(Quantity.DcVoltage, 0.1 + 0.2)]);

    [Fact]
    public async Task AppendAsync_ThenReadAfter_GivesTheReadingsBackExactlyInOrder()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("j/journal.db"));
        journal.Open();

        await journal.AppendAsync([Inverter(0, 1234.5), Optimizer(0)], CancellationToken.None);
        await journal.AppendAsync([Inverter(1, 99)], CancellationToken.None);

        IReadOnlyList<JournalEntry> entries = journal.ReadAfter(0, 100);
        Assert.Equal(3, entries.Count);
        AssertSame(Inverter(0, 1234.5), entries[0].Reading);
        AssertSame(Optimizer(0), entries[1].Reading);
        AssertSame(Inverter(1, 99), entries[2].Reading);
        Assert.True(entries[0].Sequence < entries[1].Sequence && entries[1].Sequence < entries[2].Sequence);
        Assert.Equal(entries[2].Sequence, journal.LastSequence);
    }

    [Fact]
    public void Append_DuplicateDeviceAndTimestamp_IsDropped()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();

        Assert.Equal(2, journal.Append([Inverter(0, 1), Optimizer(0)]));
        Assert.Equal(1, journal.Append([Inverter(0, 2), Inverter(1, 3)])); // the inverter re-sent 0 with its next record
        Assert.Equal(0, journal.Append([Inverter(0, 1), Optimizer(0)]));  // a replay of the first batch

        IReadOnlyList<JournalEntry> entries = journal.ReadAfter(0, 100);
        Assert.Equal(3, entries.Count);
        Assert.Equal(1, entries[0].Reading.Get(Quantity.AcPower)); // the first copy wins
    }

    [Fact]
    public void Cursor_IsKeptPerSinkAndSurvivesReopen()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.db");
        using (var journal = new SqliteReadingJournal(path))
        {
            journal.Open();
            journal.Append([Inverter(0, 1), Inverter(1, 2), Inverter(2, 3)]);
            Assert.Equal(0, journal.GetCursor("mqtt"));
            journal.SetCursor("mqtt", journal.ReadAfter(0, 1)[0].Sequence);
            journal.SetCursor("jsonl", journal.LastSequence);
        }

        using var again = new SqliteReadingJournal(path);
        again.Open();
        IReadOnlyList<JournalEntry> rest = again.ReadAfter(again.GetCursor("mqtt"), 100);
        Assert.Equal([2.0, 3.0], rest.Select(e => e.Reading.Get(Quantity.AcPower)!.Value));
        Assert.Empty(again.ReadAfter(again.GetCursor("jsonl"), 100));
        JournalStats stats = again.GetStats();
        Assert.Equal([new JournalSinkCursor("jsonl", again.LastSequence, 0), new JournalSinkCursor("mqtt", rest[0].Sequence - 1, 2)], stats.Cursors);
    }

    [Fact]
    public void Prune_DeletesReadingsOlderThanMaxAge()
    {
        using var temp = new TempFolder();
        var clock = new ManualTimeProvider(T0.AddDays(10));
        using var journal = new SqliteReadingJournal(temp.File("journal.db"), clock);
        journal.Open();
        journal.Append([new Reading(Inverter(0, 1).Device, T0, []), new Reading(Inverter(0, 1).Device, T0.AddDays(9), [])]);

        Assert.Equal(1, journal.Prune(TimeSpan.FromDays(5), long.MaxValue));

        Assert.Equal(T0.AddDays(9), Assert.Single(journal.ReadAfter(0, 10)).Reading.Timestamp);
    }

    [Fact]
    public void Prune_ManyOldReadings_AreDeletedInSeveralChunks()
    {
        using var temp = new TempFolder();
        var clock = new ManualTimeProvider(T0.AddDays(400));
        using var journal = new SqliteReadingJournal(temp.File("journal.db"), clock);
        journal.Open();
        journal.Append([.. Enumerable.Range(0, 12_000).Select(i => Inverter(i, i))]); // 5-minute steps: about 42 days
        journal.Append([new Reading(Inverter(0, 1).Device, T0.AddDays(399), [])]);

        Assert.Equal(12_000, journal.Prune(TimeSpan.FromDays(180), long.MaxValue));

        Assert.Equal(1, journal.GetStats().Readings);
    }

    [Fact]
    public void Prune_OverMaxSize_DeletesTheOldestUntilUnder()
    {
        using var temp = new TempFolder();
        var clock = new ManualTimeProvider(T0);
        using var journal = new SqliteReadingJournal(temp.File("journal.db"), clock);
        journal.Open();
        for (int batch = 0; batch < 20; batch++)
        {
            journal.Append([.. Enumerable.Range(batch * 500, 500).Select(i => Inverter(i, i))]);
        }

        long before = journal.GetStats().UsedBytes;
        long limit = before / 2;

        long deleted = journal.Prune(TimeSpan.FromDays(3650), limit);

        JournalStats after = journal.GetStats();
        Assert.True(deleted > 0);
        Assert.True(after.UsedBytes <= limit, $"{after.UsedBytes} > {limit}");
        Assert.Equal(10_000 - deleted, after.Readings);
        Assert.Equal(journal.LastSequence, journal.ReadAfter(0, 100_000)[^1].Sequence); // the newest stay
        Assert.Equal(T0.AddMinutes(5 * 9_999), after.Last);
    }

    [Fact]
    public void RecordUnknownFrame_KeepsOnlyTheNewest()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db")) { UnknownFramesLimit = 3 };
        journal.Open();

        for (byte i = 0; i < 5; i++)
        {
            journal.RecordUnknownFrame("solaredge", "unknown function 0x0999", [0x12, 0x34, 0x56, 0x79, i]);
        }

        Assert.Equal(3, journal.GetStats().UnknownFrames);
        using var connection = new SqliteConnection($"Data Source={journal.Path}");
        connection.Open();
        using SqliteCommand query = connection.CreateCommand();
        query.CommandText = "SELECT min(hex(payload)) FROM unknown_frames;";
        Assert.Equal("1234567902", query.ExecuteScalar());
    }

    [Fact]
    public void Open_UsesWalAndFullSynchronousAndStaysConsistent()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        journal.Append([Inverter(0, 1)]);
        journal.SetDeviceDetails(Inverter(0, 1).Device, "SE5000", "3.2468");

        using var connection = new SqliteConnection($"Data Source={journal.Path}");
        connection.Open();
        using SqliteCommand query = connection.CreateCommand();
        query.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", query.ExecuteScalar());
        query.CommandText = "SELECT model || ' ' || firmware FROM devices WHERE serial = '7F104920';";
        Assert.Equal("SE5000 3.2468", query.ExecuteScalar());
        Assert.Equal(("SE5000", "3.2468"), journal.GetDeviceDetails(Inverter(0, 1).Device));
        Assert.Equal((null, null), journal.GetDeviceDetails(new DeviceIdentity(DeviceKind.Meter, "unknown")));
        Assert.Equal("ok", journal.CheckIntegrity());
    }

    [Fact]
    public async Task WaitForAppendAsync_CompletesWhenANewReadingIsStored()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        Task waiting = journal.WaitForAppendAsync(journal.LastSequence, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        journal.Append([Inverter(0, 1)]);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(journal.WaitForAppendAsync(0, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void Append_NotOpen_Throws()
    {
        using var journal = new SqliteReadingJournal("/tmp/never-opened.db");

        Assert.Throws<InvalidOperationException>(() => journal.Append([Inverter(0, 1)]));
    }

    [Fact]
    public void Defaults_SuitAnSdCard()
    {
        var options = new JournalOptions();

        Assert.Equal(TimeSpan.FromDays(180), options.MaxAge);
        Assert.Equal(2L * 1024 * 1024 * 1024, options.MaxSizeBytes);
    }

    internal static void AssertSame(Reading expected, Reading actual)
    {
        Assert.Equal(expected.Device, actual.Device);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.Values, actual.Values);
    }
}
