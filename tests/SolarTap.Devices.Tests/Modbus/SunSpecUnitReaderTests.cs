using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;

namespace SolarTap.Devices.Tests.Modbus;

public class SunSpecUnitReaderTests
{
    [Fact]
    public async Task ReadAsync_ThroughClientEngineAndServer_AgreesWithDirectWalk()
    {
        var server = new ModbusRegisterServer().Set(1, SunSpecSite.Leader(0)).Set(2, SunSpecSite.Follower());
        var loopback = new ModbusLoopback(server);

        SunSpecUnitResult leader = await SunSpecUnitReader.ReadAsync(loopback.ExecuteAsync, 1, DateTimeOffset.UnixEpoch);
        SunSpecUnitResult follower = await SunSpecUnitReader.ReadAsync(loopback.ExecuteAsync, 2, DateTimeOffset.UnixEpoch);

        Assert.Equal(0, leader.Discovery.BaseAddress);
        Assert.Equal(50000, follower.Discovery.BaseAddress);
        Assert.Equal(2, leader.Readings.Count);
        Assert.Equal(2, follower.Readings.Count);
        Assert.Equal(0, loopback.Engine.Statistics.Timeouts);
        Assert.Equal(2, follower.Failures.Count); // the probes at 40000 and 0 met exception 0x02
    }

    [Fact]
    public async Task ReadAsync_OnlyCommonModels_ReadsNothingElse()
    {
        var server = new ModbusRegisterServer().Set(1, SunSpecSite.Leader());
        var loopback = new ModbusLoopback(server);

        SunSpecUnitResult result = await SunSpecUnitReader.ReadAsync(loopback.ExecuteAsync, 1, DateTimeOffset.UnixEpoch, h => h.Id == SunSpecModelIds.Common);

        Assert.Equal([1, 1], result.Blocks.Select(b => (int)b.Header.Id));
        Assert.Empty(result.Readings);
    }

    [Fact]
    public async Task DiscoverAsync_UnitTimesOut_NotFoundAfterOneProbe()
    {
        int calls = 0;
        Task<ModbusCompletion> Silent(byte unit, ModbusRequest request)
        {
            calls++;
            return Task.FromResult(new ModbusCompletion(calls, unit, request, ModbusOutcome.Timeout, ModbusExceptionCode.None, [], 3));
        }

        var failures = new List<ModbusCompletion>();
        SunSpecDiscovery discovery = await SunSpecUnitReader.DiscoverAsync(Silent, 5, failures);

        Assert.Equal(SunSpecDiscoveryState.NotFound, discovery.State);
        Assert.Equal(1, calls);
        Assert.Single(failures);
    }
}
