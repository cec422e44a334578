using System.Text;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;
using SolarTap.Supervisor.Tests.Status;
using SolarTap.Supervisor.Web;

namespace SolarTap.Supervisor.Tests.Web;

/// <summary>The live feed's messages, one round at a time (<see cref="LiveFeed.PublishOnce"/>) on a manual clock.</summary>
public sealed class LiveFeedTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly ManualTimeProvider _time = new(Start);
    private readonly StatusModel _status;
    private readonly SqliteReadingJournal _journal;
    private readonly LiveFeed _feed;
    private DateTimeOffset _lastKeepAlive = Start;

    public LiveFeedTests()
    {
        _status = new StatusModel(_time);
        _journal = new SqliteReadingJournal(_temp.File("journal.db"), _time);
        _journal.Open();
        _feed = new LiveFeed(_status, new ReadingTracker(_journal), _time);
    }

    [Fact]
    public void Subscribe_ReadingsStored_FirstMessageIsRetryStatusAndEveryDevice()
    {
        _journal.Append([Reading("7E100001", 1000), Reading("7F104920", 2000)]);

        using LiveSubscription client = _feed.Subscribe();
        string first = Next(client);

        Assert.StartsWith("retry: 3000\n\nevent: status\ndata: {", first, StringComparison.Ordinal);
        Assert.Contains("\n\nevent: readings\ndata: {\"devices\":[{\"kind\":\"inverter\",\"serial\":\"7E100001\"", first, StringComparison.Ordinal);
        Assert.Contains("\"serial\":\"7F104920\"", first, StringComparison.Ordinal);
        Assert.EndsWith("}\n\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishOnce_StatusChanged_EveryClientGetsTheSameStatusEvent()
    {
        using LiveSubscription a = _feed.Subscribe(), b = _feed.Subscribe();
        Next(a);
        Next(b);

        _status.SetSink("mqtt", ComponentState.Waiting, 3, "MQTT: connecting");
        _feed.PublishOnce(ref _lastKeepAlive);

        string message = Next(a);
        Assert.Equal(message, Next(b));
        Assert.StartsWith("event: status\ndata: {", message, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"mqtt\",\"state\":\"waiting\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("event: readings", message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishOnce_NewReading_SendsOnlyTheDeviceThatChanged()
    {
        _journal.Append([Reading("7E100001", 1000)]);
        using LiveSubscription client = _feed.Subscribe();
        Next(client);

        _journal.Append([Reading("7F104920", 2000)]);
        _feed.PublishOnce(ref _lastKeepAlive);

        string message = Next(client);
        Assert.StartsWith("event: readings\ndata: {\"devices\":[{\"kind\":\"inverter\",\"serial\":\"7F104920\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("7E100001", message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishOnce_NothingChangedForFifteenSeconds_SendsAKeepAliveComment()
    {
        using LiveSubscription client = _feed.Subscribe();
        Next(client);

        _feed.PublishOnce(ref _lastKeepAlive);
        Assert.False(client.Messages.TryRead(out _)); // nothing new, keep-alive not due

        _time.Advance(LiveFeed.KeepAliveInterval);
        _feed.PublishOnce(ref _lastKeepAlive);
        Assert.Equal(": keep-alive\n\n", Next(client));
    }

    [Fact]
    public void Complete_ClientsOpen_EveryStreamEnds()
    {
        using LiveSubscription client = _feed.Subscribe();
        Next(client);

        _feed.Complete();

        Assert.True(client.Messages.Completion.IsCompleted);
        Assert.Equal(0, _feed.Clients);
    }

    [Fact]
    public void Dispose_Subscription_LeavesTheFeed()
    {
        LiveSubscription client = _feed.Subscribe();
        Assert.Equal(1, _feed.Clients);

        client.Dispose();

        Assert.Equal(0, _feed.Clients);
    }

    public void Dispose()
    {
        _feed.Dispose();
        _journal.Dispose();
        _temp.Dispose();
    }

    private static string Next(LiveSubscription client)
    {
        Assert.True(client.Messages.TryRead(out ReadOnlyMemory<byte> message), "no message waiting");
        return Encoding.UTF8.GetString(message.Span);
    }

    private Reading Reading(string serial, double watts) =>
        new(new DeviceIdentity(DeviceKind.Inverter, serial), _time.GetUtcNow(), [new Measurement(Quantity.AcPower, watts)]);
}
