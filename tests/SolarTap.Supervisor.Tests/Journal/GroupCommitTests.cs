using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Tests.Status;

namespace SolarTap.Supervisor.Tests.Journal;

public class GroupCommitTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static Reading Optimizer(int inverter, int optimizer, int minute) => new(
        new DeviceIdentity(DeviceKind.Optimizer, $"20{inverter:X2}{optimizer:X4}", Parent: $"7F10{inverter:X4}"),
        T0.AddMinutes(minute),
        [new Measurement(Quantity.DcVoltage, 30 + optimizer)]);

    [Fact]
    public async Task AppendAsync_FiftySourcesAtOnce_StoresEveryReadingOnceAndCountsEachBatch()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();

        // 50 inverters post 20 optimizers each, three times; the second post of each is a re-send of the first.
        var appends = new List<Task<int>>();
        for (int post = 0; post < 3; post++)
        {
            int minute = post == 1 ? 0 : post;
            for (int inverter = 0; inverter < 50; inverter++)
            {
                Reading[] batch = [.. Enumerable.Range(0, 20).Select(o => Optimizer(inverter, o, minute))];
                appends.Add(Task.Run(() => journal.AppendAsync(batch, CancellationToken.None).AsTask()));
            }

            await Task.WhenAll(appends);
        }

        int[] added = [.. appends.Select(a => a.Result)];
        Assert.All(added[..50], count => Assert.Equal(20, count));
        Assert.All(added[50..100], count => Assert.Equal(0, count)); // the re-sends
        Assert.All(added[100..], count => Assert.Equal(20, count));
        Assert.Equal(2000, journal.ReadAfter(0, 10_000).Count);
    }

    [Fact]
    public async Task AppendAsync_NotOpen_FailsEveryWaitingBatch()
    {
        using var temp = new TempFolder();
        using var journal = new SqliteReadingJournal(temp.File("journal.db"));

        Task<int>[] appends = [.. Enumerable.Range(0, 5).Select(i => journal.AppendAsync([Optimizer(i, 0, 0)], CancellationToken.None).AsTask())];

        foreach (Task<int> append in appends)
        {
            InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => append);
            Assert.Contains("not open", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_SaysTheJournalIsClosed()
    {
        using var temp = new TempFolder();
        var journal = new SqliteReadingJournal(temp.File("journal.db"));
        journal.Open();
        Assert.Equal(1, await journal.AppendAsync([Optimizer(1, 1, 1)], CancellationToken.None));
        journal.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.AppendAsync([Optimizer(1, 1, 2)], CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Dispose_WithBatchesQueued_CommitsThemFirst()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.db");
        var journal = new SqliteReadingJournal(path);
        journal.Open();
        Task<int>[] appends = [.. Enumerable.Range(0, 20).Select(i => journal.AppendAsync([Optimizer(1, i, 0)], CancellationToken.None).AsTask())];
        journal.Dispose();

        Assert.All(await Task.WhenAll(appends), count => Assert.Equal(1, count));
        using var reopened = new SqliteReadingJournal(path);
        reopened.Open();
        Assert.Equal(20, reopened.ReadAfter(0, 100).Count);
    }
}
