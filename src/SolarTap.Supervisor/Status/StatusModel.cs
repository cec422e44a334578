namespace SolarTap.Supervisor.Status;

/// <summary>
/// The live state of the appliance that the status surfaces read: the supervisor's state, and per source, inverter
/// and sink what it is doing and how much it has done. Thread-safe: services report events from any thread, readers
/// take immutable <see cref="Snapshot"/>s. One instance per supervisor (a singleton in the host).
/// </summary>
public sealed partial class StatusModel
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly SortedDictionary<string, SourceStatus> _sources = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SinkStatus> _sinks = new(StringComparer.Ordinal);
    private readonly List<InverterStatus> _inverters = [];
    private SupervisorState _state = SupervisorState.Starting;
    private IReadOnlyList<string> _messages = [];
    private string? _configPath;

    /// <summary>A model whose clock is <paramref name="time"/> (every event is stamped with it).</summary>
    public StatusModel(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _started = time.GetUtcNow();
    }

    /// <summary>Raised after every change, on the thread that made it. Handlers must be quick and must not throw.</summary>
    public event EventHandler? Changed;

    /// <summary>The overall state.</summary>
    public SupervisorState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Sets the overall state and the messages that explain it. A configuration error or a fault is not left for
    /// <see cref="SupervisorState.Running"/>: those need a restart.
    /// </summary>
    public void SetState(SupervisorState state, IReadOnlyList<string>? messages = null)
    {
        lock (_lock)
        {
            if (state == SupervisorState.Running && _state is SupervisorState.ConfigurationError or SupervisorState.Fault)
            {
                return;
            }

            _state = state;
            if (messages is not null)
            {
                _messages = [.. messages];
            }
        }

        OnChanged();
    }

    /// <summary>Records a fault: the state becomes <see cref="SupervisorState.Fault"/> (unless it is a configuration error) and the message is added.</summary>
    public void ReportFault(string message)
    {
        lock (_lock)
        {
            if (_state != SupervisorState.ConfigurationError)
            {
                _state = SupervisorState.Fault;
            }

            _messages = [.. _messages, message];
        }

        OnChanged();
    }

    /// <summary>Records which configuration file is in use (null: none found, defaults).</summary>
    public void SetConfigPath(string? path)
    {
        lock (_lock)
        {
            _configPath = path;
        }

        OnChanged();
    }

    /// <summary>Sets a source's state (adding the source if new).</summary>
    public void SetSource(string name, ComponentState state, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            SourceStatus current = _sources.GetValueOrDefault(name) ?? new SourceStatus(name, state, null, new Dictionary<string, long>(), null);
            _sources[name] = current with { State = state, Detail = detail };
        }

        OnChanged();
    }

    /// <summary>Adds <paramref name="increment"/> to a source's counter and marks the source active now.</summary>
    public void CountSource(string name, string counter, long increment = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(counter);
        lock (_lock)
        {
            SourceStatus current = _sources.GetValueOrDefault(name) ?? new SourceStatus(name, ComponentState.Running, null, new Dictionary<string, long>(), null);
            var counters = new Dictionary<string, long>(current.Counters, StringComparer.Ordinal);
            counters[counter] = counters.GetValueOrDefault(counter) + increment;
            _sources[name] = current with { Counters = counters, LastActivity = _time.GetUtcNow() };
        }

        OnChanged();
    }

    /// <summary>Sets a sink's state and backlog (adding the sink if new); <paramref name="delivered"/> marks a delivery now.</summary>
    public void SetSink(string name, ComponentState state, long backlog, string? detail = null, bool delivered = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            DateTimeOffset? last = delivered ? _time.GetUtcNow() : _sinks.GetValueOrDefault(name)?.LastDelivery;
            _sinks[name] = new SinkStatus(name, state, detail, backlog, last);
        }

        OnChanged();
    }

    /// <summary>An immutable copy of everything, stamped with the current time.</summary>
    public StatusSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new StatusSnapshot(
                _time.GetUtcNow(), _started, _state, Summarize(), _messages, _configPath,
                [.. _sources.Values], [.. _inverters], [.. _sinks.Values]) { ModbusUnits = ModbusUnitsUnlocked() };
        }
    }

    private string Summarize()
    {
        string state = StatusJson.Describe(_state);
        return _state switch
        {
            SupervisorState.ConfigurationError or SupervisorState.Fault when _messages.Count > 0 =>
                $"{state}: {_messages[0]}" + (_messages.Count > 1 ? $" (and {_messages.Count - 1} more)" : ""),
            SupervisorState.Running =>
                $"{state}: {Plural(_inverters.Count, "inverter")}, {Plural(_inverters.Sum(i => i.Readings), "reading")}",
            _ => state,
        };
    }

    private static string Plural(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private void OnChanged() => Changed?.Invoke(this, EventArgs.Empty);
}
