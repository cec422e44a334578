using System.Diagnostics;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Supervisor.Simulation;

namespace SolarTap.System.Tests.Journal;

/// <summary>
/// A simulated SolarEdge inverter (plain, single phase) that posts every 50 ms of real time against a server on
/// loopback and, like a real one, reconnects after a lost connection and sends every un-ACKed post again. Its clock
/// runs 100 times faster than real time, so each post (5 s apart on its clock) has its own timestamp in seconds.
/// <see cref="Freeze"/> stops new posts; <see cref="RunAsync"/> then ends once everything made is acknowledged.
/// </summary>
internal sealed class StreamingInverter : IDisposable
{
    public const uint InverterId = 0x7F10_4920;
    public const int Optimizers = 4;
    private const double Speed = 100;
    private readonly DateTimeOffset _origin;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _startedWall = DateTimeOffset.UtcNow;
    private readonly SimulatedInverterClient _client;
    private long _frozenTicks;
    private volatile bool _frozen;

    public StreamingInverter()
    {
        _origin = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Simulator = new SolarEdgeInverterSimulator(new SimulatedInverterOptions
        {
            InverterId = InverterId,
            Optimizers = Optimizers,
            PostInterval = TimeSpan.FromSeconds(5),
            TimeRequestEveryPosts = 0, // a time answer would move the inverter's clock back to real time: timestamps would repeat
        }, _origin);
        _client = new SimulatedInverterClient(Simulator, Now) { PollInterval = TimeSpan.FromMilliseconds(10) };
    }

    /// <summary>The inverter: posts made, ACKs seen, re-sends. Read its lists only after <see cref="RunAsync"/> ended.</summary>
    public SolarEdgeInverterSimulator Simulator { get; }

    /// <summary>Posts acknowledged so far (safe to read while running: a count only grows).</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    private int _acknowledged;

    /// <summary>Lost or refused connections so far.</summary>
    public int ConnectionErrors => Volatile.Read(ref _connectionErrors);

    private int _connectionErrors;

    /// <summary>Runs until frozen and every post made is acknowledged, or <paramref name="cancellationToken"/>.</summary>
    public Task RunAsync(string host, int port, CancellationToken cancellationToken) =>
        _client.RunWithRetriesAsync(host, port, Done, TimeSpan.FromMilliseconds(50), _ => Interlocked.Increment(ref _connectionErrors), cancellationToken);

    /// <summary>Stops the clock: no new posts; the ones made are still sent until ACKed.</summary>
    public void Freeze()
    {
        Volatile.Write(ref _frozenTicks, Now().UtcTicks);
        _frozen = true;
    }

    /// <summary>The readings of post <paramref name="post"/> as the server decodes them: (kind, serial, timestamp in µs).</summary>
    public static IEnumerable<(string Kind, string Serial, long TimestampUs)> Keys(SimulatedMessage post)
    {
        foreach (Reading reading in TelemetryDecoder.Decode(post.Payload, InverterId).Readings)
        {
            yield return (Protocols.Readings.Formats.ReadingJsonWriter.KindName(reading.Device.Kind), reading.Device.Serial,
                (reading.Timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        }
    }

    /// <summary>The wall-clock time of inverter time <paramref name="time"/> (the clock runs <see cref="Speed"/> times faster).</summary>
    public DateTimeOffset WallClock(DateTimeOffset time) => _startedWall + ((time - _origin) / Speed);

    public void Dispose() => Simulator.Dispose();

    private DateTimeOffset Now()
    {
        long frozen = Volatile.Read(ref _frozenTicks);
        return frozen != 0 ? new DateTimeOffset(frozen, TimeSpan.Zero) : _origin + (Stopwatch.GetElapsedTime(_started) * Speed);
    }

    private bool Done(SolarEdgeInverterSimulator simulator)
    {
        Volatile.Write(ref _acknowledged, simulator.AcknowledgedPosts.Count);
        return _frozen && simulator.InFlight is null && simulator.Queued == 0;
    }
}
