using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SunSpec;
using SolarTap.Supervisor.Modbus;
using SolarTap.Testing.Modbus;

namespace SolarTap.System.Tests.Modbus;

/// <summary>
/// Our Modbus TCP client (engine + the Supervisor's TCP client), SunSpec discovery and decoders against a server we did not write:
/// python3-pymodbus serving the SunSpec images of <see cref="SunSpecSite"/> (leader at 40000, follower at 50000, a
/// third unit at base 0).
/// </summary>
public sealed class PymodbusInteropTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SunSpecRead_ThreeUnitsOnPymodbus_SameReadingsAsImagesOverOneConnection()
    {
        var maps = new Dictionary<byte, SunSpecMap>
        {
            [1] = SunSpecSite.Leader(40000),
            [2] = SunSpecSite.Follower(50000),
            [3] = SunSpecSite.Leader(0),
        };
        await using PymodbusServer server = await PymodbusServer.StartAsync(maps);
        await using var driver = new ModbusTcpClient("127.0.0.1", server.Port);

        foreach ((byte unit, SunSpecMap map) in maps)
        {
            SunSpecUnitResult result = await SunSpecUnitReader.ReadAsync(driver, unit, Now);

            Assert.True(result.Discovery.State == SunSpecDiscoveryState.Found, $"unit {unit}: {result.Discovery.State}\n{server.Output}");
            Assert.Equal(map.BaseAddress, result.Discovery.BaseAddress);
            Assert.True(result.Discovery.ReachedEndMarker);
            Assert.Equal(map.Models, result.Discovery.Models);
            IReadOnlyList<Reading> expected = SunSpecReadings.FromMap(map.Models.Select(h => new SunSpecBlock(h, map.Block(h))), Now, $"unit{unit}");
            Assert.Equal(expected.Count, result.Readings.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Device, result.Readings[i].Device);
                Assert.Equal(expected[i].Values, result.Readings[i].Values);
            }
        }

        Assert.Equal(1, driver.Connections);
        Assert.Equal(0, driver.Statistics.Timeouts);
        Assert.True(driver.Statistics.Exceptions >= 3, "the probes at bases without a map must have met exception 0x02");
    }

    [Fact]
    public async Task Requests_PymodbusAnswers_ExceptionsWritesAndInputRegisters()
    {
        await using PymodbusServer server = await PymodbusServer.StartAsync(new Dictionary<byte, SunSpecMap> { [1] = SunSpecSite.Leader() });
        await using var driver = new ModbusTcpClient("127.0.0.1", server.Port);

        ModbusCompletion outside = await driver.ExecuteAsync(1, ModbusRequest.ReadHolding(39990, 4));
        Assert.Equal(ModbusOutcome.Exception, outside.Outcome);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, outside.Exception);

        Assert.Equal(ModbusOutcome.Ok, (await driver.ExecuteAsync(1, ModbusRequest.WriteSingle(40068, 7))).Outcome);
        Assert.Equal(ModbusOutcome.Ok, (await driver.ExecuteAsync(1, ModbusRequest.WriteMultiple(40100, new ushort[] { 0xBEEF, 0x1234 }))).Outcome);
        ModbusCompletion back = await driver.ExecuteAsync(1, ModbusRequest.ReadHolding(40068, 1));
        Assert.Equal(new ushort[] { 7 }, back.Registers);
        back = await driver.ExecuteAsync(1, ModbusRequest.ReadInput(40100, 2));
        Assert.Equal(new ushort[] { 0xBEEF, 0x1234 }, back.Registers);
        ModbusCompletion marker = await driver.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 125));
        Assert.Equal(0x5375, marker.Registers[0]);
        Assert.Equal(1, driver.Connections);
    }

    [Fact]
    public async Task Reconnect_ServerStartsLateAndRestarts_ClientBacksOffAndRecovers()
    {
        int port = PymodbusServer.FreePort();
        var options = new ModbusClientOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromMilliseconds(400), ResponseTimeout = TimeSpan.FromSeconds(1) };
        await using var driver = new ModbusTcpClient("127.0.0.1", port, options);
        var units = new Dictionary<byte, SunSpecMap> { [1] = SunSpecSite.Leader() };

        Assert.Equal(ModbusOutcome.NotConnected, (await driver.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2))).Outcome);
        await using (PymodbusServer server = await PymodbusServer.StartAsync(units, port))
        {
            Assert.Equal(ModbusOutcome.Ok, (await ModbusRetry.UntilAnsweredAsync(driver)).Outcome);
        }

        await using PymodbusServer again = await PymodbusServer.StartAsync(units, port);
        ModbusCompletion afterRestart = await ModbusRetry.UntilAnsweredAsync(driver);
        Assert.Equal(ModbusOutcome.Ok, afterRestart.Outcome);
        Assert.Equal(new ushort[] { 0x5375, 0x6E53 }, afterRestart.Registers);
        Assert.True(driver.Connections >= 2);
        Assert.True(driver.Statistics.ConnectFailures >= 1);
    }
}
