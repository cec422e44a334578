using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using SolarTap.Protocols.Mqtt;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Supervisor.Mqtt;
using SolarTap.Supervisor.Simulation;

namespace SolarTap.Benchmarks;

/// <summary>
/// The driver of <c>tests/perf/post-to-mqtt-latency.sh</c>: a simulated SolarEdge inverter posts to a running
/// supervisor over TCP while an MQTT subscriber on the same broker the supervisor publishes to takes the state
/// messages; each reading's latency is from the moment its post was written to the socket to the moment its state
/// message arrived at the subscriber (SolarEdge decode, journal commit with fsync, MqttSink, broker, subscriber).
/// </summary>
internal static class PostToMqttLatency
{
    private const uint InverterId = 0x7E30_0001;
    private static readonly TimeSpan PostInterval = TimeSpan.FromSeconds(5); // on the inverter's (accelerated) clock

    /// <summary>Runs <paramref name="posts"/> posts, one every <paramref name="every"/> of real time; prints the percentiles.</summary>
    public static async Task<int> RunAsync(int serverPort, int brokerPort, int posts, int optimizers, TimeSpan every, int warmup)
    {
        var arrived = new ConcurrentDictionary<(string Device, long Time), long>();
        using var stop = new CancellationTokenSource();
        using var subscriber = new MqttConnection(
            new MqttClientOptions { ClientId = "latency-probe", KeepAliveSeconds = 30, Subscriptions = [new MqttSubscription("solartap/+/state", MqttQos.AtLeastOnce)] },
            new MqttTransportOptions { Host = "127.0.0.1", Port = brokerPort }, TimeProvider.System, Random.Shared.NextDouble);
        Task session = subscriber.RunAsync(stop.Token);
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
                    long stamp = Stopwatch.GetTimestamp();
                    using JsonDocument json = JsonDocument.Parse(e.Message!.Payload);
                    string device = json.RootElement.GetProperty("device").GetString()!;
                    long time = DateTimeOffset.Parse(json.RootElement.GetProperty("time").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeSeconds();
                    arrived.TryAdd((device, time), stamp);
                }
            }
        });
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        double speed = PostInterval / every;
        DateTimeOffset origin = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) - (PostInterval * posts); // the last post is about now
        long started = Stopwatch.GetTimestamp();
        DateTimeOffset Now() => origin + (Stopwatch.GetElapsedTime(started) * speed);
        using var simulator = new SolarEdgeInverterSimulator(new SimulatedInverterOptions
        {
            InverterId = InverterId, Optimizers = optimizers, PostInterval = PostInterval, PostLimit = posts,
            TimeRequestEveryPosts = 0, ReplyTimeout = TimeSpan.FromDays(1),
        }, origin);
        var sentAt = new Dictionary<ushort, long>();
        await PostAllAsync(serverPort, simulator, Now, speed, sentAt);

        // Every reading of every post, with the time its post was written.
        var expected = simulator.Posts.Select((post, index) => (index, sent: sentAt[post.Sequence],
            keys: TelemetryDecoder.Decode(post.Payload, InverterId).Readings.Select(r => (r.Device.Serial, r.Timestamp.ToUnixTimeSeconds())).ToList())).ToList();
        var deadline = Stopwatch.StartNew();
        while (expected.Any(p => p.keys.Any(k => !arrived.ContainsKey(k))) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var perReading = new List<double>();
        var perPost = new List<double>();
        int missing = 0;
        foreach ((int index, long sent, List<(string, long)> keys) in expected.Where(p => p.index >= warmup))
        {
            double last = 0;
            foreach ((string, long) key in keys)
            {
                if (arrived.TryGetValue(key, out long stamp))
                {
                    double ms = Stopwatch.GetElapsedTime(sent, stamp).TotalMilliseconds;
                    perReading.Add(ms);
                    last = Math.Max(last, ms);
                }
                else
                {
                    missing++;
                }
            }

            perPost.Add(last);
        }

        double[] acks = [.. simulator.AckLatencies.Skip(warmup).Select(t => t.TotalMilliseconds / speed)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"posts {posts} ({warmup} warm-up posts left out), {1 + optimizers} readings each, one every {every.TotalMilliseconds:0} ms; readings measured {perReading.Count}, missing {missing}"));
        Console.WriteLine(Line("post sent -> state message at the subscriber, per reading", perReading));
        Console.WriteLine(Line("post sent -> last reading of the post at the subscriber", perPost));
        Console.WriteLine(Line("post sent -> ACK at the inverter (journal commit)", acks));

        subscriber.Disconnect();
        await stop.CancelAsync();
        await Task.WhenAny(Task.WhenAll(session, pump), Task.Delay(TimeSpan.FromSeconds(5)));
        return missing == 0 && simulator.Problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Posts until every post is ACKed; records when each post was first written to the socket.</summary>
    private static async Task PostAllAsync(int port, SolarEdgeInverterSimulator simulator, Func<DateTimeOffset> now, double speed, Dictionary<ushort, long> sentAt)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        NetworkStream stream = client.GetStream();
        var wake = new SemaphoreSlim(0);
        var gate = new Lock();
        Task reader = Task.Run(async () =>
        {
            var buffer = new byte[8192];
            int count;
            while ((count = await stream.ReadAsync(buffer)) > 0)
            {
                lock (gate)
                {
                    simulator.Receive(buffer.AsSpan(0, count), now());
                }

                wake.Release(); // an ACK lets the next queued post go
            }
        });

        while (true)
        {
            byte[] output;
            TimeSpan wait;
            lock (gate)
            {
                if (simulator.AllPostsAcknowledged)
                {
                    break;
                }

                output = simulator.Poll(now());
                if (output.Length > 0 && simulator.InFlight is { Sends: 1 } post)
                {
                    sentAt[post.Sequence] = Stopwatch.GetTimestamp();
                }

                wait = (simulator.NextDue - now()) / speed; // the inverter's clock runs `speed` times faster
            }

            if (output.Length > 0)
            {
                await stream.WriteAsync(output);
            }

            await wake.WaitAsync(wait > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Min(wait.Ticks, TimeSpan.TicksPerMillisecond * 20)) : TimeSpan.Zero);
        }

        client.Client.Shutdown(SocketShutdown.Send);
        await reader.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (simulator.Problems.Count > 0)
        {
            Console.WriteLine("inverter problems: " + string.Join("; ", simulator.Problems));
        }
    }

    private static string Line(string what, IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return $"{what}: no values";
        }

        double[] sorted = [.. values.Order()];
        double P(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: n {sorted.Length}, p50 {P(50):0.00} ms, p90 {P(90):0.00} ms, p99 {P(99):0.00} ms, max {sorted[^1]:0.00} ms");
    }
}
