using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;
using SolarTap.Supervisor.Modbus;
using SolarTap.Testing.Modbus;

namespace SolarTap.Supervisor.Tests.Modbus;

/// <summary>
/// The Supervisor's Modbus TCP client against the in-repo server on loopback (docs/spec/sunspec.md §6): one
/// connection for every unit, requests serialised, reconnect after the server drops the connection, clear errors.
/// </summary>
public sealed class ModbusTcpClientTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModbusClientOptions Fast = new()
    {
        ResponseTimeout = TimeSpan.FromMilliseconds(300),
        ReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(80),
    };

    [Fact]
    public async Task ExecuteAsync_TwoUnitsManyConcurrentCallers_OneConnectionNoPipelining()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader()).Set(2, SunSpecSite.Follower()));
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port, Fast, jitterSeed: 1);

        Task<ModbusCompletion>[] calls = Enumerable.Range(0, 40)
            .Select(i => client.ExecuteAsync((byte)(1 + (i % 2)), ModbusRequest.ReadHolding(i % 2 == 0 ? (ushort)40000 : (ushort)50000, 2)))
            .ToArray();
        ModbusCompletion[] results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(new ushort[] { 0x5375, 0x6E53 }, r.Registers));
        Assert.Equal(1, server.Connections);
        Assert.Equal(1, client.Connections);
        Assert.Equal(1, server.MaxRequestsPerReceive);
    }

    [Fact]
    public async Task ReadAsync_LeaderAndFollower_SunSpecOverOneConnection()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader()).Set(2, SunSpecSite.Follower()));
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port, Fast, jitterSeed: 1);

        SunSpecUnitResult leader = await SunSpecUnitReader.ReadAsync(client, 1, Now);
        SunSpecUnitResult follower = await SunSpecUnitReader.ReadAsync(client, 2, Now);

        Assert.Equal(2, leader.Readings.Count);
        Assert.Equal(2, follower.Readings.Count);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task ExecuteAsync_ServerClosesConnection_ReconnectsAndAnswers()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader())) { CloseOnRequest = 2 };
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port, Fast, jitterSeed: 1);

        Assert.Equal(ModbusOutcome.Ok, (await client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2))).Outcome);
        ModbusCompletion second = await client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2));
        if (second.Outcome == ModbusOutcome.NotConnected)
        {
            // On a loaded machine the reconnect itself can time out; the client then keeps trying with backoff.
            second = await ModbusRetry.UntilAnsweredAsync(client, 100, TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(ModbusOutcome.Ok, second.Outcome);
        Assert.True(server.Connections >= 2, $"{server.Connections} connections");
        Assert.Equal(1, client.Statistics.ConnectionsLost);
    }

    [Fact]
    public async Task ExecuteAsync_NothingListens_NotConnectedWithRefusedMessage()
    {
        int port;
        await using (var closed = new ModbusTcpTestServer(new ModbusRegisterServer()))
        {
            port = closed.Port;
        }

        await using var client = new ModbusTcpClient("127.0.0.1", port, Fast, jitterSeed: 1);

        ModbusCompletion done = await client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2));

        Assert.Equal(ModbusOutcome.NotConnected, done.Outcome);
        Assert.Contains("connection refused", client.LastConnectionError, StringComparison.Ordinal);
        Assert.Equal(0, client.Connections);
    }

    [Fact]
    public async Task ExecuteAsync_ServerStartsAfterRefusal_BacksOffThenConnects()
    {
        int port;
        await using (var first = new ModbusTcpTestServer(new ModbusRegisterServer()))
        {
            port = first.Port;
        }

        await using var client = new ModbusTcpClient("127.0.0.1", port, Fast, jitterSeed: 1);
        Assert.Equal(ModbusOutcome.NotConnected, (await client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2))).Outcome);

        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader()), port);
        ModbusCompletion done = await ModbusRetry.UntilAnsweredAsync(client, 100, TimeSpan.FromMilliseconds(20));

        Assert.Equal(ModbusOutcome.Ok, done.Outcome);
        Assert.Null(client.LastConnectionError);
        Assert.True(client.Statistics.ConnectFailures >= 1);
    }

    [Fact]
    public async Task ExecuteAsync_ServerNeverAnswers_TimeoutsThenTheConnectionIsRemade()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader())) { Mute = true };
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port, Fast with { MaxAttempts = 2 }, jitterSeed: 1);

        ModbusCompletion done = await client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2));
        server.Mute = false;
        ModbusCompletion after = await client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2));

        Assert.Equal(ModbusOutcome.Timeout, done.Outcome);
        Assert.Equal(ModbusOutcome.Ok, after.Outcome);
        Assert.Equal(2, server.Connections); // two timeouts in a row drop the connection (TimeoutsBeforeReconnect)
    }

    [Fact]
    public async Task ExecuteAsync_Cancelled_ThrowsAndLaterRequestsStillWork()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader())) { Mute = true };
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port, Fast with { MaxAttempts = 1 }, jitterSeed: 1);
        using var cancel = new CancellationTokenSource();

        Task<ModbusCompletion> pending = client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        server.Mute = false;
        Assert.Equal(ModbusOutcome.Ok, (await ModbusRetry.UntilAnsweredAsync(client, 100, TimeSpan.FromMilliseconds(20))).Outcome);
    }

    [Fact]
    public async Task Description_IPv6Host_Bracketed()
    {
        await using var client = new ModbusTcpClient("::1", 1502);

        Assert.Equal("[::1]:1502", client.Description);
    }
}
