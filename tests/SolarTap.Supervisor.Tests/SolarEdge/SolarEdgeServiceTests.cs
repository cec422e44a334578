using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Simulation;
using SolarTap.Supervisor.SolarEdge;
using SolarTap.Supervisor.Status;
using static SolarTap.Supervisor.Tests.SolarEdge.SolarEdgeHarness;

namespace SolarTap.Supervisor.Tests.SolarEdge;

/// <summary>The SolarEdge server service in a whole supervisor, with simulated inverters over real loopback TCP.</summary>
public sealed class SolarEdgeServiceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Serve_PlainAndEncryptedInvertersAtOnce_EveryPostAckedAndJournaled()
    {
        await using SolarEdgeHarness server = await StartAsync(_folder);
        (SolarEdgeInverterSimulator plain, SimulatedInverterClient plainClient) = Inverter(PlainId, encrypted: false, posts: 4, timeRequests: 2);
        (SolarEdgeInverterSimulator encrypted, SimulatedInverterClient encryptedClient) = Inverter(EncryptedId, encrypted: true, posts: 4, threePhase: true);
        using var cancel = new CancellationTokenSource(Timeout);

        bool[] done = await Task.WhenAll(
            plainClient.RunAsync("127.0.0.1", server.Port, s => s.AllPostsAcknowledged, cancel.Token),
            encryptedClient.RunAsync("127.0.0.1", server.Port, s => s.AllPostsAcknowledged, cancel.Token));

        Assert.Equal([true, true], done);
        Assert.Empty(plain.Problems);
        Assert.Empty(encrypted.Problems);
        Assert.True(encrypted.SessionAcknowledged);
        Assert.True(plain.TimeRequestsAnswered >= 1);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").GetUtcOffset(DateTimeOffset.UtcNow), plain.LastServerTime!.Value.Offset);
        IReadOnlyList<Reading> journal = server.Journal;
        Assert.Equal(2 * 4 * 4, journal.Count); // 4 posts × (inverter + 3 optimizers) each
        Assert.Equal(16, journal.Count(r => r.Device.Serial == "7E100001" || r.Device.Parent == "7E100001"));
        Assert.Contains(journal, r => r.Device.Serial == "7F104920" && r.Get(Quantity.AcPower, Phase.L1) > 0);
        Assert.Contains("7F104920", File.ReadAllText(_folder.File(SolarEdgeSessions.FileName)), StringComparison.OrdinalIgnoreCase);

        // The server counts a post just after writing its ACK: the inverter can see its last ACK a moment before.
        StatusModel model = server.Host.Services.GetRequiredService<StatusModel>();
        for (int i = 0; i < 100 && !Counted(model.Snapshot()); i++)
        {
            await Task.Delay(50);
        }

        StatusSnapshot status = model.Snapshot();
        SourceStatus source = Assert.Single(status.Sources, s => s.Name == "solaredge-server");
        Assert.Equal(8, source.Counters["posts"]);
        Assert.Equal(32, source.Counters["readings"]);
        Assert.Contains(status.Inverters, i => i.Serial == "7F104920" && i.Firmware == InverterFirmware.Encrypted && i.Posts == 4);
        Assert.Contains(status.Inverters, i => i.Serial == "7E100001" && i.Firmware == InverterFirmware.Plain && i.Readings == 16);
    }

    [Fact]
    public async Task Restart_EncryptedInverterMidSession_KeepsDecryptingWithTheSavedSession()
    {
        (SolarEdgeInverterSimulator inverter, SimulatedInverterClient client) = Inverter(EncryptedId, encrypted: true, posts: 4);
        using var cancel = new CancellationTokenSource(Timeout);
        await using (SolarEdgeHarness first = await StartAsync(_folder))
        {
            Assert.True(await client.RunAsync("127.0.0.1", first.Port, s => s.AcknowledgedPosts.Count >= 2, cancel.Token));
        }

        await using SolarEdgeHarness second = await StartAsync(_folder);
        bool done = await client.RunAsync("127.0.0.1", second.Port, s => s.AllPostsAcknowledged, cancel.Token);

        Assert.True(done);
        Assert.Empty(inverter.Problems);
        Assert.Equal(4 * 4, second.Journal.Count); // no post lost, none twice
        Assert.Equal(4, second.Journal.Count(r => r.Device.Kind == DeviceKind.Inverter));
        Assert.Equal(16, second.Journal.Select(r => (r.Device.Serial, r.Timestamp)).Distinct().Count());
    }

    [Fact]
    public async Task TimeRequest_ClockNotSynchronised_AnsweredOnlyOnceItIs()
    {
        await using SolarEdgeHarness server = await StartAsync(_folder);
        server.Clock.Synchronized = false;
        (SolarEdgeInverterSimulator inverter, SimulatedInverterClient client) = Inverter(PlainId, encrypted: false, posts: 6, timeRequests: 1);
        using var cancel = new CancellationTokenSource(Timeout);

        Assert.True(await client.RunAsync("127.0.0.1", server.Port, s => s.AcknowledgedPosts.Count >= 2, cancel.Token));
        Assert.Equal(0, inverter.TimeRequestsAnswered);

        server.Clock.Synchronized = true;
        inverter.Disconnected(); // re-sends the open time request
        Assert.True(await client.RunAsync("127.0.0.1", server.Port, s => s.TimeRequestsAnswered >= 1, cancel.Token));
        Assert.Empty(inverter.Problems);
    }

    [Fact]
    public async Task Garbage_AndAHalfOpenConnection_DoNotStopTheServer()
    {
        await using SolarEdgeHarness server = await StartAsync(_folder, o => o.IdleTimeout = TimeSpan.FromSeconds(1));
        using var silent = new TcpClient();
        await silent.ConnectAsync("127.0.0.1", server.Port);
        using (var garbage = new TcpClient())
        {
            await garbage.ConnectAsync("127.0.0.1", server.Port);
            byte[] noise = new byte[300_000];
            new Random(5).NextBytes(noise);
            await garbage.GetStream().WriteAsync(noise);
        }

        (SolarEdgeInverterSimulator inverter, SimulatedInverterClient client) = Inverter(EncryptedId, encrypted: true, posts: 2);
        using var cancel = new CancellationTokenSource(Timeout);
        Assert.True(await client.RunAsync("127.0.0.1", server.Port, s => s.AllPostsAcknowledged, cancel.Token));
        Assert.Empty(inverter.Problems);

        // The silent connection is closed by the idle timeout: the read ends with 0 bytes.
        using var read = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await silent.GetStream().ReadAsync(new byte[16], read.Token));
        SourceStatus source = server.Host.Services.GetRequiredService<StatusModel>().Snapshot().Sources.Single(s => s.Name == "solaredge-server");
        Assert.True(source.Counters["bytes_skipped"] > 0);
    }

    [Fact]
    public async Task Journal_PostSentAgainAfterRestart_StoredOnce()
    {
        (SolarEdgeInverterSimulator inverter, SimulatedInverterClient client) = Inverter(PlainId, encrypted: false, posts: 1);
        using var cancel = new CancellationTokenSource(Timeout);
        await using (SolarEdgeHarness first = await StartAsync(_folder))
        {
            Assert.True(await client.RunAsync("127.0.0.1", first.Port, s => s.AllPostsAcknowledged, cancel.Token));
        }

        // The same post again (as after a crash between the fsync and the ACK), to a restarted supervisor.
        await using SolarEdgeHarness second = await StartAsync(_folder);
        using var again = new TcpClient();
        await again.ConnectAsync("127.0.0.1", second.Port);
        await again.GetStream().WriteAsync(inverter.Posts[0].Wire, cancel.Token);
        byte[] ack = new byte[64];
        Assert.True(await again.GetStream().ReadAsync(ack, cancel.Token) > 0);

        Assert.Equal(4, second.Journal.Count);
        Assert.Equal(4, second.Journal.Select(r => r.Device.Serial).Distinct().Count());
    }

    [Fact]
    public async Task Post_WithARecordOfUnknownType_IsAckedAndTheRecordIsKeptRawAsAnUnknownFrame()
    {
        // spec §3.1 record header: type 0x7777 (no such type), device 12345678, 4 data bytes; then the data.
        byte[] record = Convert.FromHexString("7777" + "78563412" + "0400" + "DEADBEEF");
        byte[] post = SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(0x0042, PlainId, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData), record);
        using var cancel = new CancellationTokenSource(Timeout);
        await using (SolarEdgeHarness server = await StartAsync(_folder))
        {
            using var inverter = new TcpClient();
            await inverter.ConnectAsync("127.0.0.1", server.Port);
            await inverter.GetStream().WriteAsync(post, cancel.Token);
            Assert.True(await inverter.GetStream().ReadAsync(new byte[64], cancel.Token) > 0); // the ACK: kept before it is sent
            Assert.Equal(1, server.Host.Services.GetRequiredService<SqliteReadingJournal>().GetStats().UnknownFrames);
        }

        using var connection = new SqliteConnection($"Data Source={_folder.File("journal.db")};Pooling=False");
        connection.Open();
        using SqliteCommand query = connection.CreateCommand();
        query.CommandText = "SELECT source, reason, payload FROM unknown_frames;";
        using SqliteDataReader row = query.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal("solaredge", row.GetString(0));
        Assert.Equal("post seq 66 from 7E100001: record type 0x7777, device 12345678, 4 bytes declared, 4 present, at offset 0: UnknownType", row.GetString(1));
        Assert.Equal(record, (byte[])row.GetValue(2));
        Assert.False(row.Read());
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Whether the status shows all 8 posts of the two inverters, with their readings.</summary>
    private static bool Counted(StatusSnapshot status) =>
        status.Sources.SingleOrDefault(s => s.Name == "solaredge-server") is { } source
        && source.Counters.GetValueOrDefault("posts") >= 8 && source.Counters.GetValueOrDefault("readings") >= 32
        && status.Inverters.Count(i => i.Posts >= 4 && i.Readings >= 16 && i.Firmware != InverterFirmware.Unknown) >= 2;
}
