using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SolarTap.Protocols.Mqtt;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Mqtt;
using Xunit.Abstractions;
using static SolarTap.System.Tests.Mqtt.MqttSinkTests;
using static SolarTap.System.Tests.Mqtt.MqttSystemTest;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>
/// Measurements for docs/PERFORMANCE.md against a local mosquitto (loose floors only, so a busy machine does not
/// fail them): replay of a journal backlog at QoS 1, and the latency from a journal commit to the subscriber.
/// </summary>
public class MqttSinkPerformanceTests(ITestOutputHelper output)
{
    private const int Backlog = 5000;
    private const int Live = 200;

    [Fact]
    public async Task ReplayRateAndLatency_AreMeasured()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var received = new long[Backlog + Live];
        using var subscriber = new MqttConnection(Client("perf-checker") with { Subscriptions = [new MqttSubscription("solartap/+/state", MqttQos.AtLeastOnce)] },
            Plain(broker), TimeProvider.System, Random.Shared.NextDouble);
        using var stop = new CancellationTokenSource();
        Task run = subscriber.RunAsync(stop.Token);
        var subscribed = new TaskCompletionSource();
        Task pump = Task.Run(async () =>
        {
            await foreach (MqttSessionEvent e in subscriber.Events.ReadAllAsync())
            {
                if (e.Kind == MqttSessionEventKind.SubscribeAcknowledged)
                {
                    subscribed.TrySetResult();
                }
                else if (e.Kind == MqttSessionEventKind.MessageReceived)
                {
                    using JsonDocument json = JsonDocument.Parse(e.Message!.Payload);
                    int n = (int)json.RootElement.GetProperty("values").GetProperty("AcPower").GetDouble();
                    Volatile.Write(ref received[n], Stopwatch.GetTimestamp());
                }
            }
        });
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        MqttOptions options = MqttSinkFixture.For(broker, "st-perf");
        options.ReplayRate = 10_000;
        await using var sink = new MqttSinkFixture(options);
        for (int i = 0; i < Backlog; i += 100)
        {
            sink.Journal.Append([.. Enumerable.Range(i, 100).Select(MqttSinkFixture.Inverter)]);
        }

        long start = Stopwatch.GetTimestamp();
        await sink.StartAsync();
        await WaitUntilAsync(() => sink.Sink.Cursor >= sink.Journal.LastSequence, "the backlog acknowledged", seconds: 120);
        double replaySeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        var appended = new long[Live];
        for (int i = 0; i < Live; i++)
        {
            appended[i] = Stopwatch.GetTimestamp();
            sink.Journal.Append([MqttSinkFixture.Inverter(Backlog + i)]);
            await Task.Delay(10);
        }

        await WaitUntilAsync(() => Enumerable.Range(Backlog, Live).All(n => Volatile.Read(ref received[n]) != 0), "the live readings at the subscriber");
        double[] latencies = [.. Enumerable.Range(0, Live).Select(i => Stopwatch.GetElapsedTime(appended[i], received[Backlog + i]).TotalMilliseconds).Order()];
        double rate = Backlog / replaySeconds;
        string report = string.Create(CultureInfo.InvariantCulture,
            $"replay: {Backlog} messages at QoS 1 in {replaySeconds:0.00} s = {rate:0} msg/s; commit to subscriber: p50 {latencies[Live / 2]:0.0} ms, p99 {latencies[(Live * 99 / 100) - 1]:0.0} ms");
        output.WriteLine(report);
        Console.WriteLine(report);

        Assert.True(rate > 200, report);
        Assert.True(latencies[Live / 2] < 500, report);
        subscriber.Disconnect();
        await stop.CancelAsync();
        await Task.WhenAll(run, pump).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
