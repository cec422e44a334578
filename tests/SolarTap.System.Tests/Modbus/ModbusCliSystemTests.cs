using System.Globalization;
using System.Text.Json;
using SolarTap.System.Tests.Network;
using SolarTap.Testing.Modbus;

namespace SolarTap.System.Tests.Modbus;

/// <summary>
/// <c>solartap modbus scan|read</c>, the real executable, against a SunSpec server we did not write: python3-pymodbus
/// serving the leader at 40000, the follower at 50000 and a hybrid inverter with storage model 124 at base 0.
/// </summary>
public sealed class ModbusCliSystemTests
{
    private static readonly string Solartap = Path.Combine(AppContext.BaseDirectory, "solartap.dll");

    private static Dictionary<byte, SunSpecMap> Site() => new()
    {
        [1] = SunSpecSite.Leader(40000),
        [2] = SunSpecSite.Follower(50000),
        [3] = SunSpecSite.Hybrid(0),
    };

    [Fact]
    public async Task Scan_PymodbusSite_EveryUnitWithBaseModelsAndSerials()
    {
        await using PymodbusServer server = await PymodbusServer.StartAsync(Site());

        CommandResult result = await Run("modbus", "scan", "--host", Host(server), "--units", "1-3", "--json");

        Assert.True(result.ExitCode == 0, $"{result.StandardError}\n{server.Output}");
        JsonElement[] units = [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal([1, 2, 3], units.Select(u => u.GetProperty("unit").GetInt32()));
        Assert.Equal([40000, 50000, 0], units.Select(u => u.GetProperty("base").GetInt32()));
        Assert.Equal([SunSpecSite.LeaderSerial, SunSpecSite.MeterSerial], units[0].GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("serial").GetString()));
        Assert.Equal([1, 101, 124], units[2].GetProperty("devices")[0].GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        Assert.Contains("3 SunSpec", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadModel_PymodbusMeterAndBattery_ScaledValuesWithUnits()
    {
        await using PymodbusServer server = await PymodbusServer.StartAsync(Site());

        CommandResult meter = await Run("modbus", "read", "--host", Host(server), "--unit", "1", "--model", "203");
        CommandResult battery = await Run("modbus", "read", "--host", Host(server), "--unit", "2", "--model", "802", "--json");

        Assert.True(meter.ExitCode == 0, meter.StandardError);
        Assert.Contains("  device 606E2F1A (meter, behind 7E1A06DB)\n", meter.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(meter.StandardOutput.Split('\n'), l => l.StartsWith("  GridExportEnergyTotal ", StringComparison.Ordinal) && l.EndsWith(" 5000000 Wh", StringComparison.Ordinal));
        JsonElement json = JsonDocument.Parse(battery.StandardOutput).RootElement;
        Assert.Equal(65.5, json.GetProperty("values").GetProperty("BatteryStateOfCharge").GetDouble());
        Assert.Equal(-5.23, json.GetProperty("values").GetProperty("BatteryCurrent").GetDouble());
        Assert.Equal("BAT0001", json.GetProperty("device").GetString());
    }

    [Fact]
    public async Task ReadRaw_PymodbusOutsideTheMap_ExceptionMeaningAndExitOne()
    {
        await using PymodbusServer server = await PymodbusServer.StartAsync(Site());

        CommandResult inside = await Run("modbus", "read", "--host", Host(server), "--unit", "3", "--address", "0", "--count", "2");
        CommandResult outside = await Run("modbus", "read", "--host", Host(server), "--address", "39990", "--count", "4");

        Assert.Equal("    0  0x5375  21365   21365\n    1  0x6E53  28243   28243\n", inside.StandardOutput);
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("exception 0x02, illegal data address", outside.StandardError, StringComparison.Ordinal);
    }

    private static string Host(PymodbusServer server) => $"127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)}";

    private static Task<CommandResult> Run(params string[] args) => Network.Commands.RunAsync("dotnet", [Solartap, .. args], TimeSpan.FromSeconds(60));
}
