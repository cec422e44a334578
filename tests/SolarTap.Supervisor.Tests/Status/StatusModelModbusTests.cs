using System.Text;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Status;

/// <summary>Modbus units in the status model: kept per link and unit, in snapshots, and through the status JSON.</summary>
public class StatusModelModbusTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SetModbusUnit_TwoLinks_SortedByLinkAndUnitAndReplaced()
    {
        var model = new StatusModel(new ManualTimeProvider(Now));
        model.SetModbusUnit(Unit("10.0.0.5:1502", 2, ComponentState.Waiting));
        model.SetModbusUnit(Unit("/dev/ttyUSB0", 1, ComponentState.Running));
        model.SetModbusUnit(Unit("10.0.0.5:1502", 1, ComponentState.Failed));
        model.SetModbusUnit(Unit("10.0.0.5:1502", 2, ComponentState.Running));

        IReadOnlyList<ModbusUnitStatus> units = model.Snapshot().ModbusUnits;

        Assert.Equal([("/dev/ttyUSB0", 1), ("10.0.0.5:1502", 1), ("10.0.0.5:1502", 2)], units.Select(u => (u.Link, (int)u.Unit)));
        Assert.Equal(ComponentState.Running, model.GetModbusUnit("10.0.0.5:1502", 2)!.State);
        Assert.Null(model.GetModbusUnit("10.0.0.5:1502", 3));
    }

    [Fact]
    public void Serialize_ModbusUnits_SnakeCaseAndRoundTrip()
    {
        var model = new StatusModel(new ManualTimeProvider(Now));
        model.SetModbusUnit(Unit("10.0.0.5:1502", 1, ComponentState.Failed) with { LastError = "unit 1, read holding 40000+4: no answer (3 attempts timed out)" });

        byte[] json = StatusJson.Serialize(model.Snapshot());
        StatusSnapshot back = StatusJson.Deserialize(json);

        string text = Encoding.UTF8.GetString(json);
        Assert.Contains("\"modbus_units\":[{\"link\":\"10.0.0.5:1502\",\"unit\":1,\"state\":\"failed\",\"serial\":\"7E1A06DB\"", text, StringComparison.Ordinal);
        Assert.Contains("\"last_answer\":\"2025-06-01T12:00:00+00:00\"", text, StringComparison.Ordinal);
        ModbusUnitStatus unit = Assert.Single(back.ModbusUnits);
        Assert.Equal(model.Snapshot().ModbusUnits[0] with { Models = unit.Models }, unit);
        Assert.Equal([1, 103], unit.Models);
    }

    private static ModbusUnitStatus Unit(string link, byte unit, ComponentState state) =>
        new(link, unit, state, "7E1A06DB", "SolarEdge SE10K", [1, 103], Now, 3, 6, 1, 2, 0, null);
}
