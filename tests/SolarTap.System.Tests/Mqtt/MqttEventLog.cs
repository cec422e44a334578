using System.Diagnostics;
using SolarTap.Protocols.Mqtt;
using SolarTap.Supervisor.Mqtt;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>Runs a <see cref="MqttConnection"/> in the background and records its events for assertions.</summary>
internal sealed class MqttEventLog : IAsyncDisposable
{
    private readonly List<MqttSessionEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private readonly Task _pump;

    public MqttEventLog(MqttClientOptions session, MqttTransportOptions transport)
    {
        Connection = new MqttConnection(session, transport, TimeProvider.System, Random.Shared.NextDouble);
        _run = Task.Run(() => Connection.RunAsync(_stop.Token));
        _pump = Task.Run(async () =>
        {
            await foreach (MqttSessionEvent e in Connection.Events.ReadAllAsync())
            {
                lock (_events)
                {
                    _events.Add(e);
                }
            }
        });
    }

    public MqttConnection Connection { get; }

    public List<MqttSessionEvent> Snapshot()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }

    public int Count(MqttSessionEventKind kind) => Snapshot().Count(e => e.Kind == kind);

    /// <summary>Waits until <paramref name="condition"/> holds over the events; fails with them and the status after <paramref name="seconds"/>.</summary>
    public async Task<List<MqttSessionEvent>> WaitAsync(Func<List<MqttSessionEvent>, bool> condition, string what, double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            List<MqttSessionEvent> events = Snapshot();
            if (condition(events))
            {
                return events;
            }

            Assert.True(clock.Elapsed.TotalSeconds < seconds,
                $"Waited {seconds} s for {what}. Status: {Connection.StatusText}. Events: {string.Join(", ", events.Select(e => $"{e.Kind}({e.Token},{e.ReturnCode},{e.Reason})").TakeLast(20))}");
            await Task.Delay(20);
        }
    }

    public Task<List<MqttSessionEvent>> ConnectedAsync() =>
        WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.Connected), "CONNACK 0");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await _pump;
        Connection.Dispose();
        _stop.Dispose();
    }
}
