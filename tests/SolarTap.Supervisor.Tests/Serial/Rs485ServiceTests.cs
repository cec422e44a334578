using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Devices.Serial;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Serial;
using SolarTap.Supervisor.Status;
using SolarTap.Testing.Serial;
using SolarTap.Testing.Simulators;

namespace SolarTap.Supervisor.Tests.Serial;

/// <summary>The RS485 source in master mode against a simulated bus on an in-memory line.</summary>
public sealed class Rs485ServiceTests : IAsyncDisposable
{
    private const uint Answering = 0x7F10_4920, Silent = 0x7F10_4A16;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly FakeSerialLine _line = FakeSerialLine.Create();
    private readonly SolarEdgeRs485Slave _slave = new(Answering);
    private readonly Task _bus;
    private readonly StatusModel _status = new(TimeProvider.System);

    public Rs485ServiceTests()
    {
        var bus = new SolarEdgeRs485Bus(_slave, new SolarEdgeRs485Slave(Silent) { Silent = true });
        _bus = Task.Run(() => bus.Serve(_line.B, _stop.Token));
    }

    [Fact]
    public async Task Run_MasterMode_PostsAreAckedOnlyAfterTheJournalCommitAndSlavesAppearInStatus()
    {
        var journal = new RecordingJournal(() => _slave.Acknowledged);
        Rs485Service service = Service(journal);

        await service.StartAsync(default);
        await journal.Committed.Task.WaitAsync(Patience);
        await WaitUntil(() => _slave.Acknowledged >= 1 && _status.Snapshot().Sources.Any(s => s.Name == "rs485-7F104A16" && s.Counters["timeouts"] >= 1));
        await service.StopAsync(default);

        Assert.Equal(0, journal.Batches[0].ObservedAtCommit); // the ACK had not been sent when the readings were committed
        Assert.Equal(4, journal.Batches[0].Readings);
        StatusSnapshot snapshot = _status.Snapshot();
        SourceStatus answering = snapshot.Sources.Single(s => s.Name == "rs485-7F104920");
        Assert.Equal(ComponentState.Running, answering.State);
        Assert.True(answering.Counters["posts"] >= 1);
        Assert.NotNull(answering.LastActivity);
        SourceStatus silent = snapshot.Sources.Single(s => s.Name == "rs485-7F104A16");
        Assert.NotEqual(ComponentState.Running, silent.State);
        Assert.Null(silent.LastActivity);
        Assert.True(snapshot.Sources.Single(s => s.Name == Rs485Service.SourceName).Counters["posts"] >= 1);
        Assert.Contains(snapshot.Inverters, i => i.Serial == "7F104920");
    }

    [Fact]
    public async Task Run_JournalFails_PostIsNotAckedAndIsStoredWhenTheSlaveSendsItAgain()
    {
        var journal = new RecordingJournal(() => _slave.Acknowledged) { FailuresToInject = 1 };
        Rs485Service service = Service(journal);

        await service.StartAsync(default);
        await journal.Committed.Task.WaitAsync(Patience);
        await WaitUntil(() => _slave.Acknowledged >= 1);
        await service.StopAsync(default);

        Assert.Equal(0, journal.Batches[0].ObservedAtCommit);
        Assert.True(_slave.SentHeaders.Count(h => h.Function == Protocols.SolarEdge.FunctionCode.CmdServerPostData) >= 2); // sent again
        Assert.Equal(1, _status.Snapshot().Sources.Single(s => s.Name == Rs485Service.SourceName).Counters["journal_errors"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _bus;
        _stop.Dispose();
    }

    private Rs485Service Service(RecordingJournal journal)
    {
        var options = new Rs485Options
        {
            Port = "/dev/fake",
            Slaves = [Answering, Silent],
            PollInterval = TimeSpan.FromMilliseconds(300),
            ResponseTimeout = TimeSpan.FromMilliseconds(150),
            Retries = 0,
        };
        ServiceProvider services = new ServiceCollection()
            .AddSingleton<Rs485PortFactory>((_, _) => _line.A)
            .BuildServiceProvider();
        return new Rs485Service(options, journal, _status, services, NullLogger<Rs485Service>.Instance);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
