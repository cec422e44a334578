using Microsoft.Extensions.DependencyInjection;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Simulation;
using SolarTap.Supervisor.Status;
using static SolarTap.Supervisor.Tests.SolarEdge.SolarEdgeHarness;

namespace SolarTap.Supervisor.Tests.SolarEdge;

/// <summary>Relay mode on loopback: a second supervisor in server mode on 127.0.0.2 stands in for the real server.</summary>
public sealed class SolarEdgeRelayTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempFolder _relayFolder = new();
    private readonly TempFolder _upstreamFolder = new();

    [Fact]
    public async Task Relay_EncryptedInverter_RealServerAcksAndTheCopyIsDecoded()
    {
        await using SolarEdgeHarness upstream = await StartAsync(_upstreamFolder, address: "127.0.0.2");
        await using SolarEdgeHarness relay = await StartAsync(_relayFolder, Relay("127.0.0.2", RelayFallback.Hold), port: upstream.Port);
        (SolarEdgeInverterSimulator inverter, SimulatedInverterClient client) = Inverter(EncryptedId, encrypted: true, posts: 3, timeRequests: 2);
        using var cancel = new CancellationTokenSource(Timeout);

        Assert.True(await client.RunAsync("127.0.0.1", relay.Port, s => s.AllPostsAcknowledged, cancel.Token));
        await WaitForAsync(() => relay.Journal.Count == 12);

        Assert.Empty(inverter.Problems);
        Assert.True(inverter.TimeRequestsAnswered >= 1);
        Assert.Equal(12, upstream.Journal.Count);
        Assert.Equal(
            upstream.Journal.Select(r => (r.Device.Serial, r.Timestamp)).Order(),
            relay.Journal.Select(r => (r.Device.Serial, r.Timestamp)).Order());
        SourceStatus source = relay.Host.Services.GetRequiredService<StatusModel>().Snapshot().Sources.Single(s => s.Name == "solaredge-relay");
        Assert.Equal(1, source.Counters["relayed_connections"]);
        Assert.Equal(3, source.Counters["posts"]);
    }

    [Fact]
    public async Task Relay_RealServerUnreachable_FallbackLocalAnswersTheInverter()
    {
        await using SolarEdgeHarness relay = await StartAsync(_relayFolder, Relay("127.0.0.2", RelayFallback.Local));
        (SolarEdgeInverterSimulator inverter, SimulatedInverterClient client) = Inverter(PlainId, encrypted: false, posts: 2);
        using var cancel = new CancellationTokenSource(Timeout);

        Assert.True(await client.RunAsync("127.0.0.1", relay.Port, s => s.AllPostsAcknowledged, cancel.Token));

        Assert.Empty(inverter.Problems);
        Assert.Equal(8, relay.Journal.Count);
    }

    [Fact]
    public async Task Relay_RealServerUnreachable_FallbackHoldRefusesSoTheInverterKeepsItsData()
    {
        await using SolarEdgeHarness relay = await StartAsync(_relayFolder, Relay("127.0.0.2", RelayFallback.Hold));
        (SolarEdgeInverterSimulator inverter, SimulatedInverterClient client) = Inverter(PlainId, encrypted: false, posts: 2);
        using var cancel = new CancellationTokenSource(Timeout);

        bool done;
        try
        {
            done = await client.RunAsync("127.0.0.1", relay.Port, s => s.AllPostsAcknowledged, cancel.Token);
        }
        catch (IOException)
        {
            done = false; // reset: the appliance closed while the post was on its way
        }

        Assert.False(done); // the appliance closed the connection
        Assert.Empty(inverter.AcknowledgedPosts);
        Assert.Empty(relay.Journal);
        SourceStatus source = relay.Host.Services.GetRequiredService<StatusModel>().Snapshot().Sources.Single(s => s.Name == "solaredge-relay");
        Assert.Equal(1, source.Counters["relay_unreachable"]);
    }

    public void Dispose()
    {
        _relayFolder.Dispose();
        _upstreamFolder.Dispose();
    }

    private static Action<SolarEdgeOptions> Relay(string server, RelayFallback fallback) => o =>
    {
        o.Mode = SolarEdgeMode.Relay;
        o.RelayServer = server;
        o.RelayFallback = fallback;
    };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }
    }
}
