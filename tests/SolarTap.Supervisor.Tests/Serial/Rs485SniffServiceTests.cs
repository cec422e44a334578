using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Serial;
using SolarTap.Supervisor.Status;
using SolarTap.Testing;
using SolarTap.Testing.Serial;

namespace SolarTap.Supervisor.Tests.Serial;

/// <summary>The RS485 source in sniff mode: posts seen on the line reach the journal; nothing is ever sent.</summary>
public sealed class Rs485SniffServiceTests
{
    [Fact]
    public async Task Run_SniffMode_JournalsPostsFromBothDirectionsAndNeverWrites()
    {
        FakeSerialLine line = FakeSerialLine.Create();
        var grant = new SolarEdgeHeader(0x0180, SolarEdgeAddress.Server, 0x7F10_4920, FunctionCode.CmdPolestarMasterGrant);
        byte[] post = SyntheticPosts.OptimizerPost(0x7F10_4920, 0x0200, 3, 1_750_000_000);
        line.A.Inject([.. SolarEdgeFrameWriter.ToArray(grant, []), .. post,
            .. SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(0x0200, SolarEdgeAddress.Server, 0x7F10_4920, FunctionCode.RespAck), [])]);
        var journal = new RecordingJournal(() => 0);
        var status = new StatusModel(TimeProvider.System);
        ServiceProvider services = new ServiceCollection().AddSingleton<Rs485PortFactory>((_, _) => line.A).BuildServiceProvider();
        var service = new Rs485Service(new Rs485Options { Port = "/dev/fake", Mode = Rs485Mode.Sniff }, journal, status, services, NullLogger<Rs485Service>.Instance);

        await service.StartAsync(default);
        await journal.Committed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await service.StopAsync(default);

        Assert.Equal(3, Assert.Single(journal.Batches).Readings);
        Assert.Empty(line.A.Written); // a sniffer never transmits
        SourceStatus source = status.Snapshot().Sources.Single(s => s.Name == Rs485Service.SourceName);
        Assert.Equal(3, source.Counters["messages"]);
        Assert.Equal(1, source.Counters["posts"]);
        Assert.DoesNotContain(status.Snapshot().Sources, s => s.Name.StartsWith("rs485-", StringComparison.Ordinal));
    }
}
