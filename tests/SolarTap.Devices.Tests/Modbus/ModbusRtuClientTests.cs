using SolarTap.Devices.Modbus;
using SolarTap.Devices.Serial;
using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;
using SolarTap.Testing.Serial;

namespace SolarTap.Devices.Tests.Modbus;

/// <summary>
/// The RTU client against simulated slaves on an in-memory line (Modbus over Serial Line v1.02 §2.5.1): SunSpec maps
/// of two units, exceptions, CRC noise, silent slaves, broadcast. Outcomes and counters are asserted, never times.
/// </summary>
public sealed class ModbusRtuClientTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModbusClientOptions Fast = new() { ResponseTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 };
    private readonly FakeSerialLine _line = FakeSerialLine.Create(new SerialSettings(9600, SerialParity.Even));
    private readonly ModbusRtuSlave _slave;
    private readonly ModbusRtuClient _client;

    public ModbusRtuClientTests()
    {
        var registers = new ModbusRegisterServer().Set(1, SunSpecSite.Leader()).Set(2, SunSpecSite.Follower());
        _slave = new ModbusRtuSlave(_line.B, registers);
        _client = new ModbusRtuClient(_line.A, TimeProvider.System, Fast);
    }

    public void Dispose()
    {
        _slave.Dispose();
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task ExecuteAsync_ReadHolding_RegistersFromTheSlave()
    {
        ModbusCompletion done = await _client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 4));

        Assert.Equal(ModbusOutcome.Ok, done.Outcome);
        Assert.Equal(new ushort[] { 0x5375, 0x6E53, 1, 66 }, done.Registers);
        Assert.Equal(1, done.Attempts);
        // 01 03 9C 40 00 04 + CRC: the request on the wire is the RTU ADU.
        Assert.Equal(new byte[] { 0x01, 0x03, 0x9C, 0x40, 0x00, 0x04 }, _line.A.Written.Take(6));
        Assert.True(ModbusCrc.Check(_line.A.Written.Take(8).ToArray()));
    }

    [Fact]
    public async Task ReadAsync_TwoUnitsOnOneLine_SunSpecReadingsOfBoth()
    {
        SunSpecUnitResult leader = await SunSpecUnitReader.ReadAsync(_client, 1, Now);
        SunSpecUnitResult follower = await SunSpecUnitReader.ReadAsync(_client, 2, Now);

        Assert.Equal(SunSpecDiscoveryState.Found, leader.Discovery.State);
        Assert.Equal(40000, leader.Discovery.BaseAddress);
        Assert.Equal(50000, follower.Discovery.BaseAddress);
        Assert.Equal(2, leader.Readings.Count);
        Assert.Equal(2, follower.Readings.Count);
        Assert.Equal(SunSpecSite.LeaderSerial, leader.Readings[0].Device.Serial);
        Assert.Equal(SunSpecSite.BatterySerial, follower.Readings[1].Device.Serial);
        Assert.Equal(0, _client.Statistics.Timeouts);
    }

    [Fact]
    public async Task ExecuteAsync_AddressOutsideMap_ExceptionCodeTwo()
    {
        ModbusCompletion done = await _client.ExecuteAsync(1, ModbusRequest.ReadHolding(39990, 4));

        Assert.Equal(ModbusOutcome.Exception, done.Outcome);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, done.Exception);
        Assert.Equal(1, done.Attempts); // an exception is an answer: no retry
    }

    [Fact]
    public async Task ExecuteAsync_AnswerWithBadCrc_DroppedAndRetried()
    {
        _slave.CorruptAnswers = 1;

        ModbusCompletion done = await _client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2));

        Assert.Equal(ModbusOutcome.Ok, done.Outcome);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(1, _client.LineStatistics.CrcErrors);
        Assert.Equal(1, _client.Statistics.Timeouts);
    }

    [Fact]
    public async Task ExecuteAsync_NoiseBeforeEachAnswer_TimesOutAfterEveryAttempt()
    {
        _slave.NoiseBeforeAnswer = [0x07, 0x99, 0x42];

        ModbusCompletion done = await _client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2));

        Assert.Equal(ModbusOutcome.Timeout, done.Outcome);
        Assert.Equal(2, done.Attempts);
        Assert.True(_client.LineStatistics.Invalid + _client.LineStatistics.CrcErrors >= 2);
    }

    [Fact]
    public async Task ExecuteAsync_SlaveMissesOneRequest_SecondAttemptAnswers()
    {
        _slave.SilentRequests = 1;

        ModbusCompletion done = await _client.ExecuteAsync(2, ModbusRequest.ReadHolding(50000, 2));

        Assert.Equal(ModbusOutcome.Ok, done.Outcome);
        Assert.Equal(2, done.Attempts);
    }

    [Fact]
    public async Task ExecuteAsync_UnitNotOnTheBus_Timeout()
    {
        ModbusCompletion done = await _client.ExecuteAsync(9, ModbusRequest.ReadHolding(40000, 2));

        Assert.Equal(ModbusOutcome.Timeout, done.Outcome);
        Assert.Equal(2, _client.Statistics.Timeouts);
    }

    [Fact]
    public async Task ExecuteAsync_Broadcast_CompletesWithoutAnswerAndSlaveWrites()
    {
        ModbusCompletion done = await _client.ExecuteAsync(ModbusRtu.BroadcastAddress, ModbusRequest.WriteSingle(40068, 9));

        Assert.Equal(ModbusOutcome.Ok, done.Outcome);
        Assert.Empty(done.Registers);
        Assert.Equal(ModbusOutcome.Ok, (await _client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2))).Outcome);
    }

    [Fact]
    public async Task ExecuteAsync_ConcurrentCallers_SerialisedOnTheLine()
    {
        Task<ModbusCompletion>[] calls = Enumerable.Range(0, 8)
            .Select(i => _client.ExecuteAsync((byte)(1 + (i % 2)), ModbusRequest.ReadHolding(i % 2 == 0 ? (ushort)40000 : (ushort)50000, 2)))
            .ToArray();

        ModbusCompletion[] results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(new ushort[] { 0x5375, 0x6E53 }, r.Registers));
        Assert.Equal(8, _slave.Requests);
        Assert.Equal(0, _client.Statistics.Timeouts);
    }

    [Fact]
    public void Description_NamesPortAndSettings()
    {
        Assert.Equal("fake-a 9600 8E1", _client.Description);
    }
}
