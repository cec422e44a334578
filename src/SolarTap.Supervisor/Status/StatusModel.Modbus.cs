namespace SolarTap.Supervisor.Status;

public sealed partial class StatusModel
{
    private readonly SortedDictionary<(string Link, byte Unit), ModbusUnitStatus> _modbusUnits = [];

    /// <summary>Adds or replaces what the SunSpec source knows about one unit.</summary>
    public void SetModbusUnit(ModbusUnitStatus unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        lock (_lock)
        {
            _modbusUnits[(unit.Link, unit.Unit)] = unit;
        }

        OnChanged();
    }

    /// <summary>The unit of <paramref name="link"/> with id <paramref name="unit"/>, or null.</summary>
    public ModbusUnitStatus? GetModbusUnit(string link, byte unit)
    {
        lock (_lock)
        {
            return _modbusUnits.GetValueOrDefault((link, unit));
        }
    }

    // Called under _lock by Snapshot.
    private List<ModbusUnitStatus> ModbusUnitsUnlocked() => [.. _modbusUnits.Values];
}
