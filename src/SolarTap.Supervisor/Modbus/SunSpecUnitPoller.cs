using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SunSpec;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Modbus;

/// <summary>
/// Polls one unit on a link: discovers its SunSpec map once (again after a read fails part-way, since the map may
/// have changed), reads every model, maps the blocks to readings, appends them to the journal and shows the unit's
/// state on the status model (docs/modbus.md).
/// </summary>
internal sealed class SunSpecUnitPoller(string link, byte unit, IReadingJournal journal, StatusModel status, TimeProvider time)
{
    /// <summary>The status-model source the SunSpec service reports as.</summary>
    public const string Source = "sunspec";

    private IReadOnlyList<SunSpecModelHeader>? _models;
    private ModbusUnitStatus _state = new(link, unit, ComponentState.Waiting, null, null, [], null, 0, 0, 0, 0, 0, null);

    /// <summary>The unit id.</summary>
    public byte Unit => unit;

    /// <summary>The last state published.</summary>
    public ModbusUnitStatus State => _state;

    /// <summary>Shows the unit before its first poll.</summary>
    public void Publish() => status.SetModbusUnit(_state);

    /// <summary>One poll. Returns true when readings were stored.</summary>
    /// <exception cref="IOException">The serial line failed (the caller re-opens it).</exception>
    public async Task<bool> PollAsync(IModbusClient client, CancellationToken cancellationToken)
    {
        var failures = new List<ModbusCompletion>();
        Task<ModbusCompletion> Execute(byte u, ModbusRequest r) => client.ExecuteAsync(u, r, cancellationToken);
        if (_models is null)
        {
            SunSpecDiscovery discovery = await SunSpecUnitReader.DiscoverAsync(Execute, unit, failures, cancellationToken).ConfigureAwait(false);
            if (discovery.State != SunSpecDiscoveryState.Found || discovery.Models.Count == 0)
            {
                // Exceptions 0x0A/0x0B come from a gateway with nothing behind it: that is no answer, not "no map".
                bool answered = failures.Count == 0 || failures.Any(f => f.Outcome == ModbusOutcome.Exception
                    && f.Exception is not (ModbusExceptionCode.GatewayPathUnavailable or ModbusExceptionCode.GatewayTargetDeviceFailedToRespond));
                Fail(failures, client, answered ? "no SunSpec marker at 40000, 0 or 50000" : null);
                return false;
            }

            _models = discovery.Models;
            failures.Clear(); // exceptions at the bases without a map are part of finding it
        }

        DateTimeOffset now = time.GetUtcNow();
        List<SunSpecBlock> blocks = await SunSpecUnitReader.ReadBlocksAsync(Execute, unit, _models, failures, cancellationToken).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            _models = null; // read the map again next time: it may have changed
            Fail(failures, client, null);
            return false;
        }

        SunSpecCommon? common = null;
        if (blocks.FirstOrDefault(b => b.Header.Id == SunSpecModelIds.Common) is { } first)
        {
            SunSpecDecoder.TryDecodeCommon(first.Registers, out common);
        }

        IReadOnlyList<Reading> readings = SunSpecReadings.FromMap(blocks, now, $"unit{unit}");
        int stored;
        try
        {
            stored = await journal.AppendAsync(readings, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            Publish(_state with { State = ComponentState.Failed, LastAnswer = now, Failures = _state.Failures + 1, LastError = $"journal: {e.Message}" });
            status.CountSource(Source, "journal_errors");
            return false;
        }

        Publish(_state with
        {
            State = ComponentState.Running,
            Serial = common?.SerialNumber ?? _state.Serial,
            Device = common is null ? _state.Device : string.Join(' ', new[] { common.Manufacturer, common.Model }.Where(s => s is not null)),
            Models = [.. _models.Select(m => (int)m.Id)],
            LastAnswer = now,
            Polls = _state.Polls + 1,
            Readings = _state.Readings + stored,
            LastError = null,
        });
        status.CountSource(Source, "polls");
        status.CountSource(Source, "readings", stored);
        return true;
    }

    /// <summary>The link itself failed (a serial port that cannot be opened): every poll of the unit fails with <paramref name="reason"/>.</summary>
    public void LinkFailed(string reason)
    {
        _models = null;
        Publish(_state with { State = ComponentState.Failed, Failures = _state.Failures + 1, LastError = reason });
        status.CountSource(Source, "failures");
    }

    private void Fail(List<ModbusCompletion> failures, IModbusClient client, string? reason)
    {
        bool answered = failures.Any(f => f.Outcome is ModbusOutcome.Exception or ModbusOutcome.BadResponse);
        ModbusCompletion? last = failures.Count > 0 ? failures[^1] : null;
        Publish(_state with
        {
            State = ComponentState.Failed,
            LastAnswer = answered ? time.GetUtcNow() : _state.LastAnswer,
            Failures = _state.Failures + 1,
            Timeouts = _state.Timeouts + failures.Count(f => f.Outcome == ModbusOutcome.Timeout),
            Exceptions = _state.Exceptions + failures.Count(f => f.Outcome == ModbusOutcome.Exception),
            LastError = reason ?? (last is null ? "no answer" : ModbusFailures.Describe(last, client)),
        });
        status.CountSource(Source, "failures");
    }

    private void Publish(ModbusUnitStatus state)
    {
        _state = state;
        status.SetModbusUnit(state);
    }
}
