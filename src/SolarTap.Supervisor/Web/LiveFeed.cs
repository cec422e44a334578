using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Web;

/// <summary>
/// The live updates behind <c>GET /api/events</c> (server-sent events). One loop turns status changes and new journal
/// readings into event bytes at most once per <see cref="MinInterval"/>, serialised once and handed to every open
/// stream, so twenty clients cost little more than one. A client that cannot keep up loses its oldest events.
/// </summary>
internal sealed class LiveFeed : IDisposable
{
    /// <summary>Updates are sent at most this often.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>A comment line is sent this often so proxies and phones keep the stream open.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();
    private readonly StatusModel _status;
    private readonly ReadingTracker _tracker;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<Channel<ReadOnlyMemory<byte>>> _clients = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _statusChanged;
    private bool _completed;

    /// <summary>A feed of <paramref name="status"/> and the readings <paramref name="tracker"/> follows.</summary>
    public LiveFeed(StatusModel status, ReadingTracker tracker, TimeProvider time)
    {
        _status = status;
        _tracker = tracker;
        _time = time;
        _status.Changed += OnStatusChanged;
    }

    /// <summary>Open streams.</summary>
    public int Clients
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>
    /// Opens a stream: its first message is the whole state (status and every device), then come the changes.
    /// Dispose the returned subscription when the client goes.
    /// </summary>
    public LiveSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(32)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _tracker.Refresh();
        byte[] first = [.. "retry: 3000\n\n"u8, .. StatusEvent(), .. ReadingsEvent(_tracker.All())];
        channel.Writer.TryWrite(first);
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _clients.Add(channel);
            }
        }

        return new LiveSubscription(channel.Reader, () => Remove(channel));
    }

    /// <summary>Sends updates until <paramref name="stoppingToken"/> fires, then ends every stream.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset lastKeepAlive = _time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task wake;
                lock (_gate)
                {
                    wake = _wake.Task;
                }

                // One token per round, so the waits that did not fire are cancelled rather than left pending.
                using (var round = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    Task journal = _tracker.Journal is { } j ? j.WaitForAppendAsync(j.LastSequence, round.Token) : Task.Delay(Timeout.Infinite, round.Token);
                    await Task.WhenAny(wake, journal, Task.Delay(KeepAliveInterval, _time, round.Token)).ConfigureAwait(false);
                    await round.CancelAsync().ConfigureAwait(false);
                }

                stoppingToken.ThrowIfCancellationRequested();
                PublishOnce(ref lastKeepAlive);
                await Task.Delay(MinInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        finally
        {
            Complete();
        }
    }

    /// <summary>Builds and sends what changed since the last call (one round of <see cref="RunAsync"/>).</summary>
    internal void PublishOnce(ref DateTimeOffset lastKeepAlive)
    {
        lock (_gate)
        {
            if (_wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (Clients == 0)
        {
            Interlocked.Exchange(ref _statusChanged, 0); // a new client gets the whole state when it subscribes
            return;
        }

        IReadOnlyList<SiteDevice> changed = _tracker.Refresh();
        bool status = Interlocked.Exchange(ref _statusChanged, 0) == 1;
        DateTimeOffset now = _time.GetUtcNow();
        if (!status && changed.Count == 0)
        {
            if (now - lastKeepAlive >= KeepAliveInterval)
            {
                Broadcast(KeepAlive);
                lastKeepAlive = now;
            }

            return;
        }

        byte[] message = [.. status ? StatusEvent() : [], .. changed.Count > 0 ? ReadingsEvent(changed) : []];
        Broadcast(message);
        lastKeepAlive = now;
    }

    /// <summary>Ends every stream (the supervisor is stopping).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (Channel<ReadOnlyMemory<byte>> client in _clients)
            {
                client.Writer.TryComplete();
            }

            _clients.Clear();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _status.Changed -= OnStatusChanged;
        Complete();
    }

    /// <summary>One server-sent event: <c>event: NAME</c>, <c>data: JSON</c>, a blank line. The JSON is one line.</summary>
    internal static byte[] Event(string name, ReadOnlySpan<byte> json) =>
        [.. Encoding.ASCII.GetBytes($"event: {name}\ndata: "), .. json, .. "\n\n"u8];

    private byte[] StatusEvent() => Event("status", StatusJson.Serialize(_status.Snapshot()));

    private static byte[] ReadingsEvent(IReadOnlyList<SiteDevice> devices) =>
        Event("readings", JsonSerializer.SerializeToUtf8Bytes(new LiveReadings(devices), WebJsonContext.Default.LiveReadings));

    private void Broadcast(byte[] message)
    {
        lock (_gate)
        {
            foreach (Channel<ReadOnlyMemory<byte>> client in _clients)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    private void Remove(Channel<ReadOnlyMemory<byte>> channel)
    {
        lock (_gate)
        {
            _clients.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    private void OnStatusChanged(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _statusChanged, 1) == 0)
        {
            lock (_gate)
            {
                _wake.TrySetResult();
            }
        }
    }
}
