using System.Globalization;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Supervisor.Simulation;

/// <summary>
/// One or more simulated inverters against a SolarEdge server over real TCP, in real time, as <c>solartap simulate</c>
/// runs them: each connects, reconnects after a lost connection, posts every interval until its posts are all
/// acknowledged, and lists what the server got wrong.
/// </summary>
public sealed class SimulationRun
{
    /// <summary>The server's host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>The server's port.</summary>
    public int Port { get; init; } = 22222;

    /// <summary>The first inverter's ID; the others count up from it.</summary>
    public required uint FirstInverterId { get; init; }

    /// <summary>How many inverters.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The key (encrypted mode) of every inverter, or null for plain.</summary>
    public InverterKey? Key { get; init; }

    /// <summary>Three-phase inverters.</summary>
    public bool ThreePhase { get; init; }

    /// <summary>Optimizers per inverter.</summary>
    public int Optimizers { get; init; } = 10;

    /// <summary>Time between posts.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Posts per inverter.</summary>
    public int Posts { get; init; } = 3;

    /// <summary>Pause between connection attempts.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>One line per event worth printing (connection problems, acknowledged posts).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The inverters, once <see cref="RunAsync"/> has started.</summary>
    public IReadOnlyList<SolarEdgeInverterSimulator> Inverters { get; private set; } = [];

    /// <summary>Runs every inverter until all posts are acknowledged or <paramref name="cancellationToken"/> ends the run.</summary>
    /// <returns>True when every post of every inverter was acknowledged.</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset start = TimeProvider.System.GetUtcNow();
        var simulators = new List<SolarEdgeInverterSimulator>();
        for (int i = 0; i < Count; i++)
        {
            simulators.Add(new SolarEdgeInverterSimulator(new SimulatedInverterOptions
            {
                InverterId = FirstInverterId + (uint)i,
                Key = Key,
                ThreePhase = ThreePhase,
                Optimizers = Optimizers,
                OptimizerIdBase = 0x2023_0000 + ((uint)i << 8),
                PostInterval = Interval,
                PostLimit = Posts,
                ReplyTimeout = TimeSpan.FromSeconds(Math.Max(10, Interval.TotalSeconds * 2)),
                Seed = (int)(FirstInverterId + (uint)i),
            }, start));
        }

        Inverters = simulators;
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task progress = WatchAsync(simulators, watch.Token);
        try
        {
            await Task.WhenAll(simulators.Select(s => RunOneAsync(s, cancellationToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the time allowed ran out, or Ctrl+C
        }
        finally
        {
            await watch.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (SolarEdgeInverterSimulator simulator in simulators)
            {
                simulator.Dispose();
            }
        }

        return simulators.All(s => s.AllPostsAcknowledged);
    }

    /// <summary>The <paramref name="percentile"/> (0..100) of <paramref name="values"/> (nearest rank), or null when empty.</summary>
    public static TimeSpan? Percentile(IEnumerable<TimeSpan> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        TimeSpan[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return null;
        }

        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private Task RunOneAsync(SolarEdgeInverterSimulator simulator, CancellationToken cancellationToken)
    {
        string name = SolarEdgeAddress.Format(simulator.InverterId);
        var client = new SimulatedInverterClient(simulator) { PollInterval = TimeSpan.FromMilliseconds(20) };
        return client.RunWithRetriesAsync(Host, Port, s => s.AllPostsAcknowledged, RetryDelay,
            error => Progress?.Invoke($"{name}: {error}; trying again in {RetryDelay.TotalSeconds:0.#} s"), cancellationToken);
    }

    private async Task WatchAsync(List<SolarEdgeInverterSimulator> simulators, CancellationToken cancellationToken)
    {
        int[] acknowledged = new int[simulators.Count];
        int[] problems = new int[simulators.Count];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Report(simulators);
            }
        }
        catch (OperationCanceledException)
        {
            Report(simulators); // what happened since the last tick
        }

        void Report(List<SolarEdgeInverterSimulator> all)
        {
            for (int i = 0; i < all.Count; i++)
            {
                // Read without locking: the lists only grow; a line printed late is harmless.
                SolarEdgeInverterSimulator s = all[i];
                string name = SolarEdgeAddress.Format(s.InverterId);
                for (; acknowledged[i] < s.AcknowledgedPosts.Count && acknowledged[i] < s.AckLatencies.Count; acknowledged[i]++)
                {
                    Progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"{name}: post {acknowledged[i] + 1} of {Posts} acknowledged (seq {s.AcknowledgedPosts[acknowledged[i]]}, {s.AckLatencies[acknowledged[i]].TotalMilliseconds:0.0} ms)"));
                }

                for (; problems[i] < s.Problems.Count; problems[i]++)
                {
                    Progress?.Invoke($"{name}: PROBLEM: {s.Problems[problems[i]]}");
                }
            }
        }
    }
}
