using System.Text.Json;
using SolarTap.Protocols.Mqtt;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Mqtt;
using SolarTap.Supervisor.Status;
using static SolarTap.System.Tests.Mqtt.MqttSystemTest;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>The MQTT sink against a real mosquitto: delivery from the journal, outages, authentication.</summary>
public class MqttSinkTests
{
    [Fact]
    public async Task BrokerStoppedWhileReadingsArrive_EveryReadingArrivesExactlyOnceInOrderWithItsOwnTimestamp()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(persistence: true);
        MqttClientOptions checker = Client("sink-checker") with { CleanSession = false, Subscriptions = [new MqttSubscription("solartap/7F104920/state", MqttQos.AtLeastOnce)] };
        await using var subscriber = new MqttEventLog(checker, Plain(broker));
        await subscriber.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.SubscribeAcknowledged), "the checker's SUBACK");
        await using var sink = new MqttSinkFixture(MqttSinkFixture.For(broker, "st-outage"));
        await sink.StartAsync();

        // SOLARTAP_MQTT_OUTAGE_SECONDS makes the outage longer (the issue asks for minutes; CI uses 3 s): at most 1000 posts.
        int outageMs = 1000 * int.Parse(Environment.GetEnvironmentVariable("SOLARTAP_MQTT_OUTAGE_SECONDS") ?? "3", global::System.Globalization.CultureInfo.InvariantCulture);
        int interval = Math.Max(10, outageMs / 1000);
        const int Before = 50, After = 50;
        int During = outageMs / interval;
        int n = 0;
        for (; n < Before; n++)
        {
            sink.Journal.Append([MqttSinkFixture.Inverter(n)]);
        }

        await WaitUntilAsync(() => sink.Sink.Cursor >= sink.Journal.LastSequence, "the first readings acknowledged");
        await broker.StopAsync();
        for (; n < Before + During; n++)
        {
            sink.Journal.Append([MqttSinkFixture.Inverter(n)]); // the site keeps posting while the broker is down
            await Task.Delay(interval);
        }

        await WaitUntilAsync(() => sink.Status.Snapshot().Sinks.SingleOrDefault()?.State == ComponentState.Waiting, "the sink waiting");
        await broker.RestartAsync();
        for (; n < Before + During + After; n++)
        {
            sink.Journal.Append([MqttSinkFixture.Inverter(n)]);
        }

        // The reconnect backoff grows during a long outage (at most 2 minutes): the next attempt may come that much later.
        int reconnect = Math.Min(120, outageMs / 1000);
        await WaitUntilAsync(() => sink.Sink.Cursor >= sink.Journal.LastSequence, "every reading acknowledged", seconds: 60 + reconnect);
        await subscriber.WaitAsync(e => States(e).Select(s => s.N).Distinct().Count() >= n, $"all {n} at the checker", seconds: 60);
        await Task.Delay(500); // any duplicate would arrive now

        List<(int N, DateTimeOffset Time)> states = States(subscriber.Snapshot());
        Assert.Equal(Enumerable.Range(0, n), states.Select(s => s.N)); // exactly once, in order
        Assert.All(states, s => Assert.Equal(MqttSinkFixture.T0.AddMinutes(5 * s.N), s.Time));
        Assert.Equal(sink.Journal.LastSequence, await SavedCursorAsync(sink)); // the acknowledged position is durable
    }

    [Fact]
    public async Task WrongPassword_StatusSaysAuthenticationFailed_SinkKeepsRunningAndReadingsStayInTheJournal()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(users: new Dictionary<string, string> { ["solar"] = "s3cret" });
        var options = MqttSinkFixture.For(broker, "st-badpw");
        options.UserName = "solar";
        options.Password = "wrong";
        await using var sink = new MqttSinkFixture(options);
        await sink.StartAsync();
        sink.Journal.Append([MqttSinkFixture.Inverter(0), MqttSinkFixture.Inverter(1)]);

        await WaitUntilAsync(() => sink.Status.Snapshot().Sinks.SingleOrDefault()?.Detail == "MQTT: authentication failed", "the status");
        await Task.Delay(1500); // a retry or two

        SinkStatus status = sink.Status.Snapshot().Sinks.Single();
        Assert.Equal(ComponentState.Waiting, status.State);
        Assert.Equal(2, status.Backlog);
        Assert.Equal("MQTT: authentication failed", sink.Sink.StatusText);
        Assert.Equal(0, sink.Sink.Cursor);
        Assert.Equal(2, sink.Journal.GetStats().Readings);
        Assert.False(sink.Sink.ExecuteTask!.IsCompleted, "the sink stopped");
    }

    [Fact]
    public async Task Backlog_IsReplayedAtTheConfiguredRate()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        MqttOptions options = MqttSinkFixture.For(broker, "st-rate");
        options.ReplayRate = 100;
        await using var sink = new MqttSinkFixture(options, new OldClock()); // committed an hour ago: a backlog
        sink.Journal.Append([.. Enumerable.Range(0, 300).Select(MqttSinkFixture.Inverter)]);

        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        await sink.StartAsync();
        await WaitUntilAsync(() => sink.Sink.Cursor >= sink.Journal.LastSequence, "the backlog acknowledged");

        Assert.InRange(clock.Elapsed.TotalSeconds, 2.5, 10); // 300 at 100/s: about 3 s, not the ~0.1 s it takes unpaced
    }

    [Fact]
    public async Task Tls_SelfSignedCaAndPassword_DeliversOverTls()
    {
        string pki = Directory.CreateTempSubdirectory("solartap-pki-").FullName;
        try
        {
            TestCertificates certificates = TestCertificates.Create(pki);
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(users: new Dictionary<string, string> { ["solar"] = "s3cret" }, tls: certificates);
            var options = MqttSinkFixture.For(broker, "st-tls");
            options.Host = "localhost"; // the name in the broker's certificate
            options.Tls = true;
            options.CaFile = certificates.CaFile;
            options.UserName = "solar";
            options.Password = "s3cret";
            await using var sink = new MqttSinkFixture(options);
            await sink.StartAsync();
            sink.Journal.Append([MqttSinkFixture.Inverter(0)]);

            await WaitUntilAsync(() => sink.Sink.Cursor >= sink.Journal.LastSequence, "the reading acknowledged over TLS");
            Assert.Equal("MQTT: connected", sink.Sink.StatusText);
        }
        finally
        {
            Directory.Delete(pki, recursive: true);
        }
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 20)
    {
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    private static async Task<long> SavedCursorAsync(MqttSinkFixture sink)
    {
        await WaitUntilAsync(() => sink.Journal.GetCursor(MqttSink.Name) >= sink.Journal.LastSequence, "the saved cursor", 5);
        return sink.Journal.GetCursor(MqttSink.Name);
    }

    private static List<(int N, DateTimeOffset Time)> States(List<MqttSessionEvent> events) =>
    [
        .. events.Where(x => x.Kind == MqttSessionEventKind.MessageReceived).Select(x =>
        {
            using JsonDocument json = JsonDocument.Parse(x.Message!.Payload);
            JsonElement root = json.RootElement;
            return ((int)root.GetProperty("values").GetProperty("AcPower").GetDouble(), root.GetProperty("time").GetDateTimeOffset());
        }),
    ];

    private sealed class OldClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddHours(-1);
    }
}
