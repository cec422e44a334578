using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Protocols.Mqtt;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Mqtt;

/// <summary>
/// Publishes every journal entry after the sink's cursor as a state message (QoS 1 by default), in journal order with
/// the reading's own timestamp, and Home Assistant discovery for each device and value it has seen (retained; again
/// after every connect and when HA announces "online"). The cursor advances only over entries whose PUBACK arrived,
/// so after an outage or a restart the sink replays from where the broker stopped confirming, at
/// <c>mqtt.replay_rate</c> while it catches up, then live.
/// </summary>
public sealed partial class MqttSink : BackgroundService
{
    /// <summary>The sink's name in the status and its cursor's name in the journal.</summary>
    public const string Name = "mqtt";

    private static readonly TimeSpan CursorSaveInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LiveAge = TimeSpan.FromSeconds(30);
    private const int PageSize = 200;

    private readonly SqliteReadingJournal _journal;
    private readonly MqttOptions _options;
    private readonly StatusModel _status;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttSink> _logger;
    private readonly MqttConnection _connection;
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _outstanding = [];
    private readonly HashSet<(string Serial, Quantity Quantity, Phase Phase)> _announced = [];
    private readonly Dictionary<(string Serial, Quantity Quantity, Phase Phase), DeviceIdentity> _devices = [];
    private TaskCompletionSource _room = NewSignal();
    private long _enqueued;
    private long _cursor;
    private long _savedCursor;
    private bool _rediscover;
    private string? _journalFailure;

    /// <summary>A sink for <paramref name="journal"/>; it starts with the host.</summary>
    public MqttSink(SqliteReadingJournal journal, MqttOptions options, StatusModel status, TimeProvider time, ILogger<MqttSink> logger)
    {
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _connection = new MqttConnection(MqttSinkSettings.Session(options), MqttSinkSettings.Transport(options), time, Random.Shared.NextDouble);
    }

    /// <summary>The connection's one-line status, e.g. "MQTT: connected" or "MQTT: authentication failed".</summary>
    public string StatusText => _connection.StatusText;

    /// <summary>The last journal sequence confirmed by the broker.</summary>
    public long Cursor
    {
        get
        {
            lock (_gate)
            {
                return _cursor;
            }
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _status.SetSink(Name, ComponentState.Starting, 0, _connection.StatusText);
        bool started = false;
        Task run = _connection.RunAsync(CancellationToken.None);
        Task events = PumpEventsAsync();
        using var saver = _time.CreateTimer(_ => SaveCursor(), null, CursorSaveInterval, CursorSaveInterval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!started)
                    {
                        long cursor = _journal.GetCursor(Name); // throws while the journal is not open
                        lock (_gate)
                        {
                            _cursor = _savedCursor = _enqueued = cursor;
                        }

                        started = true;
                        LogStarting(_logger, _options.Host, _options.Port, cursor);
                    }

                    await FeedAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // The journal is not open or failed: report it and try again; never take the host down.
                    LogJournalFailed(_logger, e.Message);
                    Volatile.Write(ref _journalFailure, $"MQTT: cannot read the journal: {e.Message}");
                    Report(ComponentState.Failed);
                    await Task.Delay(TimeSpan.FromSeconds(10), _time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _connection.Disconnect(); // "offline" and DISCONNECT, or stop retrying
            await Task.WhenAny(Task.WhenAll(run, events), Task.Delay(TimeSpan.FromSeconds(5), _time, CancellationToken.None)).ConfigureAwait(false);
            SaveCursor();
            _status.SetSink(Name, ComponentState.Stopped, Backlog(), _connection.StatusText);
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _connection.Dispose();
        base.Dispose();
    }

    private async Task FeedAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset paced = _time.GetUtcNow();
        TimeSpan step = TimeSpan.FromSeconds(1.0 / _options.ReplayRate);
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await PublishDiscoveryAsync(null, stoppingToken).ConfigureAwait(false);
            IReadOnlyList<JournalEntry> page = _journal.ReadAfter(_enqueued, PageSize);
            if (Interlocked.Exchange(ref _journalFailure, null) is not null)
            {
                Report(_connection.StatusText == "MQTT: connected" ? ComponentState.Running : ComponentState.Waiting);
            }
            if (page.Count == 0)
            {
                Task appended = _journal.WaitForAppendAsync(_enqueued, stoppingToken);
                await Task.WhenAny(appended, RoomAsync()).ConfigureAwait(false); // RoomAsync also wakes for HA's "online"
                stoppingToken.ThrowIfCancellationRequested();
                continue;
            }

            foreach (JournalEntry entry in page)
            {
                await PublishDiscoveryAsync(entry.Reading, stoppingToken).ConfigureAwait(false);
                DateTimeOffset now = _time.GetUtcNow();
                if (now - entry.Received > LiveAge)
                {
                    // Replaying a backlog: at most replay_rate messages per second.
                    paced = paced < now - step ? now : paced + step;
                    if (paced > now)
                    {
                        await Task.Delay(paced - now, _time, stoppingToken).ConfigureAwait(false);
                    }
                }

                MqttMessage message = MqttStatePayload.Message(_options, entry.Reading);
                while (true)
                {
                    Task room = RoomAsync();
                    lock (_gate)
                    {
                        if (_connection.TryPublish(message, entry.Sequence))
                        {
                            _outstanding.Add(entry.Sequence);
                            _enqueued = entry.Sequence;
                            break;
                        }
                    }

                    await room.WaitAsync(stoppingToken).ConfigureAwait(false); // the queue is full: wait for a PUBACK
                }
            }
        }
    }

    private async Task PublishDiscoveryAsync(Reading? reading, CancellationToken stoppingToken)
    {
        if (_options.DiscoveryPrefix == "none")
        {
            return;
        }

        List<MqttMessage> messages = [];
        lock (_gate)
        {
            if (_rediscover)
            {
                _rediscover = false;
                messages.Add(HomeAssistantDiscovery.Appliance(_options));
                messages.AddRange(_devices.Select(d => Sensor(d.Value, d.Key.Quantity, d.Key.Phase)));
            }

            foreach (Measurement m in reading?.Values ?? [])
            {
                var key = (reading!.Device.Serial, m.Quantity, m.Phase);
                _devices[key] = reading.Device;
                if (_announced.Add(key))
                {
                    messages.Add(Sensor(reading.Device, m.Quantity, m.Phase));
                }
            }
        }

        foreach (MqttMessage message in messages)
        {
            while (!_connection.TryPublish(message, 0))
            {
                await RoomAsync().WaitAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private MqttMessage Sensor(DeviceIdentity device, Quantity quantity, Phase phase)
    {
        (string? model, string? firmware) = _journal.GetDeviceDetails(device);
        return HomeAssistantDiscovery.Sensor(_options, device, quantity, phase, model, firmware);
    }

    private async Task PumpEventsAsync()
    {
        await foreach (MqttSessionEvent e in _connection.Events.ReadAllAsync().ConfigureAwait(false))
        {
            switch (e.Kind)
            {
                case MqttSessionEventKind.Connected:
                    LogConnected(_logger, _options.Host, _options.Port);
                    Rediscover();
                    Report(ComponentState.Running);
                    break;
                case MqttSessionEventKind.ConnectRefused:
                case MqttSessionEventKind.ConnectionLost:
                    LogNotConnected(_logger, _connection.StatusText, e.Reason ?? "");
                    Report(ComponentState.Waiting);
                    break;
                case MqttSessionEventKind.PublishAcknowledged or MqttSessionEventKind.PublishSent when e.Token > 0:
                    Acknowledge(e.Token);
                    break;
                case MqttSessionEventKind.MessageReceived when e.Message is { } m
                    && m.Topic == MqttSinkSettings.StatusTopic(_options)
                    && Encoding.UTF8.GetString(m.Payload.Span) == MqttClientOptions.OnlinePayload:
                    LogHomeAssistantOnline(_logger);
                    Rediscover();
                    break;
                default:
                    break;
            }

            Volatile.Read(ref _room).TrySetResult(); // any event may have made room in the queue
        }
    }

    private void Acknowledge(long sequence)
    {
        lock (_gate)
        {
            _outstanding.Remove(sequence);
            _cursor = _outstanding.Count == 0 ? _enqueued : _outstanding.Min - 1;
        }

        Report(ComponentState.Running, delivered: true);
    }

    /// <summary>The sink's status: the connection's, unless the journal cannot be read (that matters more).</summary>
    private void Report(ComponentState state, bool delivered = false)
    {
        if (Volatile.Read(ref _journalFailure) is { } failure)
        {
            _status.SetSink(Name, ComponentState.Failed, Backlog(), failure);
        }
        else
        {
            _status.SetSink(Name, state, Backlog(), _connection.StatusText, delivered);
        }
    }

    private void Rediscover()
    {
        lock (_gate)
        {
            _rediscover = true;
        }
    }

    private void SaveCursor()
    {
        long cursor = Cursor;
        if (cursor == Interlocked.Exchange(ref _savedCursor, cursor))
        {
            return;
        }

        try
        {
            _journal.SetCursor(Name, cursor);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            Interlocked.Exchange(ref _savedCursor, -1); // try again next time
            LogCursorFailed(_logger, e.Message);
        }
    }

    private long Backlog() => Math.Max(0, _journal.LastSequence - Cursor);

    private Task RoomAsync()
    {
        TaskCompletionSource room = Volatile.Read(ref _room);
        if (room.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _room, NewSignal(), room);
        }

        return Volatile.Read(ref _room).Task;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT: starting, broker {Host}:{Port}, journal cursor {Cursor}")]
    private static partial void LogStarting(ILogger logger, string host, int port, long cursor);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT: connected to {Host}:{Port}")]
    private static partial void LogConnected(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Status} ({Reason}); readings stay in the journal and are sent after the reconnect")]
    private static partial void LogNotConnected(ILogger logger, string status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT: Home Assistant is online; publishing discovery again")]
    private static partial void LogHomeAssistantOnline(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT: cannot read the journal: {Message}")]
    private static partial void LogJournalFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT: cannot save the journal cursor: {Message}")]
    private static partial void LogCursorFailed(ILogger logger, string message);
}
