using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge.Semonitor;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Sinks;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Sinks;

/// <summary>The JSON-lines sink in both formats over a journal holding readings and raw posts.</summary>
public class JsonLinesSinkTests
{
    // One real single-phase inverter record (jbuehl/solaredge issue #8, record_vectors.json) as a whole 0x0500 payload.
    private const string InverterRecord =
        "1000164a407f6800d5ddac56ecca00002c010000f528200b3b555843d769c64166e66e43bce39c3f7a147042ffff7fffffff7fff66e6aa43ffff7fff" +
        "1035864ba223393cffff7fff000000000400000000409c450000000000000000ffff7fffffff7fff00808e4300809243ffff7fff";

    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 23, 50, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static Reading At(int minutes) =>
        new(new DeviceIdentity(DeviceKind.Inverter, "7F404A16"), T0.AddMinutes(minutes), [new Measurement(Quantity.AcPower, minutes)]);

    // Different payloads (a post of one record, two, three ...) that semonitor prints as the same line.
    private static RawPost Post(int minutes, int records) =>
        new("7F404A16", T0.AddMinutes(minutes), Convert.FromHexString(string.Concat(Enumerable.Repeat(InverterRecord, records))));

    private static string Line => SemonitorJsonWriter.FormatLine(Convert.FromHexString(InverterRecord), Berlin)!;

    [Fact]
    public async Task Sink_SemonitorFormat_WritesEachPostOnceAsSemonitorLinesAtItsOwnCursor()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        journal.Append([At(0)], Post(0, 1));
        journal.Append([], Post(0, 1) with { Time = T0.AddHours(1) }); // re-sent: kept once
        var status = new StatusModel(TimeProvider.System);
        var options = new JsonLinesOptions { Directory = temp.File("out"), Format = JsonLinesFormat.Semonitor, MaxFileBytes = Line.Length + 10 };

        await RunUntilAsync(journal, options, status, () => journal.GetCursor(JsonLinesSink.PostCursorName) == journal.LastPostId, () =>
        {
            journal.Append([At(5)], Post(5, 2));   // same day, the file is full: part 2
            journal.Append([At(15)], Post(15, 3)); // the next UTC day
        });

        Assert.Equal(Line, File.ReadAllText(temp.File("out/semonitor-2025-06-01.jsonl")));
        Assert.Equal(Line, File.ReadAllText(temp.File("out/semonitor-2025-06-01.2.jsonl")));
        Assert.Equal(Line, File.ReadAllText(temp.File("out/semonitor-2025-06-02.jsonl")));
        Assert.Equal(3, Directory.GetFiles(temp.File("out")).Length); // no readings files
        Assert.Contains("\"Date\": \"2016-01-30\"", Line, StringComparison.Ordinal);
        Assert.Equal(0, journal.GetCursor(JsonLinesSink.Name)); // the readings cursor is not touched
        Assert.Equal(0, status.Snapshot().Sinks.Single().Backlog);
    }

    [Fact]
    public async Task Sink_SolartapFormat_WritesReadingsAndNotPosts()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        journal.Append([At(0)], Post(0, 1));
        var status = new StatusModel(TimeProvider.System);
        var options = new JsonLinesOptions { Directory = temp.File("out") };

        await RunUntilAsync(journal, options, status, () => journal.GetCursor(JsonLinesSink.Name) == journal.LastSequence, () => journal.Append([At(1)], Post(1, 2)));

        Assert.Equal(2, File.ReadAllLines(temp.File("out/readings-2025-06-01.jsonl")).Length);
        Assert.Single(Directory.GetFiles(temp.File("out")));
        Assert.Equal(0, journal.GetCursor(JsonLinesSink.PostCursorName));
    }

    private static async Task RunUntilAsync(SqliteReadingJournal journal, JsonLinesOptions options, StatusModel status, Func<bool> done, Action whileRunning)
    {
        using var sink = new JsonLinesSink(journal, options, status, TimeProvider.System, NullLogger<JsonLinesSink>.Instance) { TimeZone = Berlin };
        await sink.StartAsync(CancellationToken.None);
        whileRunning();
        for (int i = 0; i < 400 && !done(); i++)
        {
            await Task.Delay(25);
        }

        await sink.StopAsync(CancellationToken.None);
        Assert.True(done(), "the sink did not catch up");
    }
}
