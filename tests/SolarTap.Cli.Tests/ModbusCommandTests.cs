using System.Globalization;
using System.Text.Json;
using SolarTap.Testing.Modbus;

namespace SolarTap.Cli.Tests;

/// <summary>
/// <c>solartap modbus scan|read</c>, the real executable against the in-repo Modbus TCP server on loopback serving
/// the SunSpec test images (leader at 40000, follower at 50000, a hybrid with storage model 124). The same commands
/// run against python3-pymodbus in the system tier.
/// </summary>
public sealed class ModbusCommandTests : IDisposable
{
    private readonly ModbusTcpTestServer _server = new(new ModbusRegisterServer()
        .Set(1, SunSpecSite.Leader())
        .Set(2, SunSpecSite.Follower())
        .Set(3, SunSpecSite.Hybrid())
        .Set(5, 40000, new ushort[] { 1, 2, 3, 4 }));

    private string Host => $"127.0.0.1:{_server.Port.ToString(CultureInfo.InvariantCulture)}";

    public void Dispose() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Fact]
    public async Task Scan_FiveUnits_EachSunSpecUnitWithModelsAndIdentity()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "scan", "--host", Host, "--units", "1-5", "--timeout", "0.3");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("unit 1: SunSpec map at 40000, 4 models\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  SolarEdge SE10K-RWB48  serial 7E1A06DB  version 0004.0018.0518\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    model 103 three-phase inverter (50 registers at 40070)\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  SolarEdge WND-3Y-400-MB  serial 606E2F1A  version 2.0  options Export+Import\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("unit 2: SunSpec map at 50000, 4 models\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    model 802 battery base (62 registers at 50200)\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    model 124 storage controls (24 registers at 40122)\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("unit 4", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("unit 5: answers, but no SunSpec marker at 40000, 0 or 50000", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"scanned 5 units on {Host}: 3 SunSpec, 1 without a SunSpec map, 1 silent", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, _server.Connections);
    }

    [Fact]
    public async Task Scan_Json_OneObjectPerUnitWithDevicesAndModels()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "scan", "--host", Host, "--units", "1,2", "--json");

        Assert.Equal(0, result.ExitCode);
        JsonElement[] lines = [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal(2, lines.Length);
        Assert.Equal(50000, lines[1].GetProperty("base").GetInt32());
        JsonElement[] devices = [.. lines[0].GetProperty("devices").EnumerateArray()];
        Assert.Equal(["7E1A06DB", "606E2F1A"], devices.Select(d => d.GetProperty("serial").GetString()));
        Assert.Equal([1, 203], devices[1].GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        Assert.Equal("three-phase meter, wye", devices[1].GetProperty("models")[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Scan_UnitWithoutSunSpecMap_ExitOneAndSaysSo()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "scan", "--host", Host, "--units", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no SunSpec marker at 40000, 0 or 50000", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task ReadModel_ThreePhaseInverter_ValuesWithUnitsAndScaleFactorsApplied()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "read", "--host", Host, "--unit", "1", "--model", "103");

        Assert.True(result.ExitCode == 0, result.StandardError);
        string[] lines = result.StandardOutput.Split('\n');
        Assert.Equal("unit 1, model 103 three-phase inverter (50 registers at 40070)", lines[0]);
        Assert.Equal("  device 7E1A06DB (inverter)", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("  AcPower ", StringComparison.Ordinal) && l.EndsWith(" 2845 W", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  AcFrequency ", StringComparison.Ordinal) && l.EndsWith(" 50.012 Hz", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  AcCurrent.L1 ", StringComparison.Ordinal) && l.EndsWith(" 4.12 A", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  PowerFactor ", StringComparison.Ordinal) && l.EndsWith(" 0.981", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadModel_StorageJson_BatteryValuesAndUnits()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "read", "--host", Host, "--unit", "3", "--model", "124", "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        JsonElement json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(124, json.GetProperty("model").GetInt32());
        Assert.Equal("battery", json.GetProperty("kind").GetString());
        Assert.Equal("HY10-0042-storage", json.GetProperty("device").GetString());
        Assert.Equal("HY10-0042", json.GetProperty("parent").GetString());
        Assert.Equal(73.4, json.GetProperty("values").GetProperty("BatteryStateOfCharge").GetDouble());
        Assert.Equal("V", json.GetProperty("units").GetProperty("BatteryVoltage").GetString());
    }

    [Fact]
    public async Task ReadModel_MeterBehindTheLeader_NamesTheLeaderAsParent()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "read", "--host", Host, "--unit", "1", "--model", "203");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.StartsWith("unit 1, model 203 three-phase meter, wye (105 registers at 40190)\n  device 606E2F1A (meter, behind 7E1A06DB)\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadModel_Common_IdentityFields()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "read", "--host", Host, "--unit", "2", "--model", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  manufacturer  Example Inc\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  serial        BAT0001\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, result.StandardOutput.Split('\n').Count(l => l.StartsWith("unit 2, model 1 common", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReadModel_NotInTheMap_ExitOneListsTheModels()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "read", "--host", Host, "--unit", "1", "--model", "802");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unit 1 has no model 802; its models: 1, 103, 1, 203", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRaw_Holding_HexAndDecimal()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "read", "--host", Host, "--address", "40000", "--count", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("40000  0x5375  21365   21365\n40001  0x6E53  28243   28243\n40002  0x0001      1       1\n", result.StandardOutput);
    }

    [Fact]
    public async Task ReadRaw_InputJson_Registers()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "read", "--host", Host, "--unit", "2", "--address", "50000", "--count", "2", "--input", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"unit\":2,\"table\":\"input\",\"address\":50000,\"registers\":[21365,28243]}\n", result.StandardOutput);
    }

    [Fact]
    public async Task ReadRaw_OutsideTheMap_ExceptionCodeWithItsMeaning()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "read", "--host", Host, "--address", "39990", "--count", "4");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("solartap: unit 1, read holding 39990+4: exception 0x02, illegal data address: the register range does not exist on the device\n", result.StandardError);
    }

    [Fact]
    public async Task Scan_NothingListens_ConnectionRefusedExitTwo()
    {
        int port;
        await using (var closed = new ModbusTcpTestServer(new ModbusRegisterServer()))
        {
            port = closed.Port;
        }

        ProcessResult result = await SolarTapProcess.RunAsync("modbus", "scan", "--host", $"127.0.0.1:{port}", "--units", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"solartap: cannot connect to 127.0.0.1:{port}: connection refused", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusFormat_ModbusUnits_TableWithStateCountersAndLastError()
    {
        var model = new SolarTap.Supervisor.Status.StatusModel(TimeProvider.System);
        model.SetModbusUnit(new SolarTap.Supervisor.Status.ModbusUnitStatus("10.0.0.5:1502", 2, SolarTap.Supervisor.Status.ComponentState.Failed,
            null, null, [], null, 0, 0, 4, 12, 0, "unit 2, read holding 40000+4: no answer (3 attempts timed out)"));

        string text = SolarTap.Commands.StatusCommand.Format(model.Snapshot());

        Assert.Contains("Modbus units:\n  LINK", text, StringComparison.Ordinal);
        Assert.Contains("  10.0.0.5:1502  2     failed  -       -       never        0      4         12        0           unit 2, read holding 40000+4: no answer (3 attempts timed out)\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("give either --host HOST[:PORT] (Modbus TCP) or --port /dev/ttyX (Modbus RTU)", "modbus", "scan")]
    [InlineData("--units: '0-3' is not a unit id from 1 to 247 or a range such as 1-247", "modbus", "scan", "--host", "127.0.0.1", "--units", "0-3")]
    [InlineData("give either --model ID or --address A [--count C]", "modbus", "read", "--host", "127.0.0.1")]
    [InlineData("/dev/ttyUSB9: no such serial port. Check that the adapter is plugged in; 'ls /dev/serial/by-id/' lists the ports this machine has.", "modbus", "read", "--port", "/dev/ttyUSB9", "--model", "1")]
    [InlineData("9601 is not a standard baud rate; use one of 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000.", "modbus", "scan", "--port", "/dev/ttyUSB9", "--baud", "9601")]
    public async Task Options_Mistake_OneLineExitTwo(string message, params string[] args)
    {
        ProcessResult result = await SolarTapProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"solartap: {message}\n", result.StandardError);
    }
}
