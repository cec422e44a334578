using System.Text;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.Tests.Journal;

public class FileReadingJournalTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private static Reading Inverter(int i, double power) => new(
        new DeviceIdentity(DeviceKind.Inverter, "7F104920", Manufacturer: "SolarEdge"),
        T0.AddMinutes(5 * i),
        [new Measurement(Quantity.AcPower, power), new Measurement(Quantity.AcVoltage, 231.25, Phase.L2), new Measurement(Quantity.Temperature, double.NaN)]);

    private static Reading Optimizer(int i) => new(
        new DeviceIdentity(DeviceKind.Optimizer, "2023765D", Parent: "7F104920"),
        T0.AddMinutes(5 * i),
        [new Measurement(Quantity.DcVoltage, 0.1 + 0.2)]);

    [Fact]
    public async Task AppendAsync_ThenRead_GivesTheReadingsBackExactly()
    {
        using var temp = new TempFolder();
        using var journal = new FileReadingJournal(temp.File("j/journal.jsonl"));
        journal.Open();

        await journal.AppendAsync([Inverter(0, 1234.5), Optimizer(0)], CancellationToken.None);
        await journal.AppendAsync([Inverter(1, 99)], CancellationToken.None);

        IReadOnlyList<JournalEntry> entries = journal.Read(0, out int skipped);
        Assert.Equal(0, skipped);
        Assert.Equal(3, entries.Count);
        AssertSame(Inverter(0, 1234.5), entries[0].Reading);
        AssertSame(Optimizer(0), entries[1].Reading);
        AssertSame(Inverter(1, 99), entries[2].Reading);
        Assert.Equal(0, entries[0].Position);
        Assert.Equal(entries[0].Next, entries[1].Position);
        Assert.Equal(journal.Length, entries[2].Next);
    }

    [Fact]
    public async Task Read_FromACursor_GivesOnlyLaterEntries()
    {
        using var temp = new TempFolder();
        using var journal = new FileReadingJournal(temp.File("journal.jsonl"));
        journal.Open();
        await journal.AppendAsync([Inverter(0, 1), Inverter(1, 2)], CancellationToken.None);
        long cursor = journal.Read(0, out _)[0].Next;

        IReadOnlyList<JournalEntry> entries = journal.Read(cursor, out _);

        AssertSame(Inverter(1, 2), Assert.Single(entries).Reading);
    }

    [Fact]
    public async Task Reopen_AfterTheProcessWasAbandoned_KeepsEveryAppendedBatch()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.jsonl");
        var first = new FileReadingJournal(path);
        first.Open();
        await first.AppendAsync([Inverter(0, 1)], CancellationToken.None);
        await first.AppendAsync([Inverter(1, 2), Optimizer(1)], CancellationToken.None);
        long length = first.Length;
        first.Dispose(); // nothing is buffered in the journal: closing the handle is what a crash does too

        using var second = new FileReadingJournal(path);
        second.Open();

        Assert.Equal(length, second.Length);
        Assert.Equal(0, second.RepairedBytes);
        Assert.Equal(3, second.Read(0, out _).Count);
    }

    [Fact]
    public async Task Open_TornLastLine_IsCutOffAndAppendingContinuesCleanly()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.jsonl");
        using (var first = new FileReadingJournal(path))
        {
            first.Open();
            await first.AppendAsync([Inverter(0, 1)], CancellationToken.None);
        }

        // The power died during the next write: half a line, no '\n', maybe zeros the file system left.
        byte[] torn = [.. "{\"time\":\"2025-06-01T12:05:00+00:00\",\"kind\":\"inver"u8, 0, 0, 0];
        using (FileStream file = File.Open(path, FileMode.Append))
        {
            file.Write(torn);
        }

        using (var journal = new FileReadingJournal(path))
        {
            journal.Open();
            await journal.AppendAsync([Inverter(2, 3)], CancellationToken.None);

            Assert.Equal(torn.Length, journal.RepairedBytes);
            IReadOnlyList<JournalEntry> entries = journal.Read(0, out int skipped);
            Assert.Equal(0, skipped);
            Assert.Equal([T0, T0.AddMinutes(10)], entries.Select(e => e.Reading.Timestamp));
        }

        Assert.Equal(2, File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileWithOnlyATornLine_BecomesEmpty()
    {
        using var temp = new TempFolder();
        string path = temp.Write("journal.jsonl", "{\"time\":");

        using var journal = new FileReadingJournal(path);
        journal.Open();

        Assert.Equal(0, journal.Length);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public async Task Read_CorruptCompleteLine_IsSkippedAndCounted()
    {
        using var temp = new TempFolder();
        string path = temp.Write("journal.jsonl", "not json\n");
        using var journal = new FileReadingJournal(path);
        journal.Open();
        await journal.AppendAsync([Inverter(0, 1)], CancellationToken.None);

        IReadOnlyList<JournalEntry> entries = journal.Read(0, out int skipped);

        Assert.Equal(1, skipped);
        Assert.Equal(9, Assert.Single(entries).Position);
    }

    [Fact]
    public void Open_SecondWriterOnTheSameFile_IsRefused()
    {
        using var temp = new TempFolder();
        using var first = new FileReadingJournal(temp.File("journal.jsonl"));
        first.Open();

        using var second = new FileReadingJournal(first.Path);
        Assert.Throws<IOException>(second.Open);
    }

    [Fact]
    public async Task AppendAsync_NotOpen_Throws()
    {
        using var temp = new TempFolder();
        using var journal = new FileReadingJournal(temp.File("journal.jsonl"));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await journal.AppendAsync([Inverter(0, 1)], CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_WritesNothing()
    {
        using var temp = new TempFolder();
        using var journal = new FileReadingJournal(temp.File("journal.jsonl"));
        journal.Open();

        await journal.AppendAsync([], CancellationToken.None);

        Assert.Equal(0, journal.Length);
    }

    [Fact]
    public async Task AppendAsync_Line_IsOneCompactJsonObject()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.jsonl");
        using (var journal = new FileReadingJournal(path))
        {
            journal.Open();
            await journal.AppendAsync([Inverter(0, 1234.5)], CancellationToken.None);
        }

        // (read after closing: the journal holds an exclusive lock while open)
        Assert.Equal(
            "{\"time\":\"2025-06-01T12:00:00.25+00:00\",\"kind\":\"inverter\",\"device\":\"7F104920\",\"manufacturer\":\"SolarEdge\"," +
            "\"values\":{\"AcPower\":1234.5,\"AcVoltage.L2\":231.25,\"Temperature\":null}}\n",
            File.ReadAllText(path, Encoding.UTF8));
    }

    private static void AssertSame(Reading expected, Reading actual)
    {
        Assert.Equal(expected.Device, actual.Device);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.Values.Count, actual.Values.Count);
        for (int i = 0; i < expected.Values.Count; i++)
        {
            Assert.Equal(expected.Values[i].Quantity, actual.Values[i].Quantity);
            Assert.Equal(expected.Values[i].Phase, actual.Values[i].Phase);
            Assert.Equal(expected.Values[i].Value, actual.Values[i].Value); // NaN equals NaN here; doubles round-trip exactly
        }
    }
}
