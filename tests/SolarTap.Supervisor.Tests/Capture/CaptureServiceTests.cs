using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarTap.Devices.Capture;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;
using SolarTap.Supervisor.Systemd;
using SolarTap.Testing.Capture;

namespace SolarTap.Supervisor.Tests.Capture;

/// <summary>The capture service in a whole supervisor, with a fake packet source replaying the synthetic capture.</summary>
public sealed class CaptureServiceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Capture_SynthPassiveCapture_JournalsThePostsOnceAndReportsTheInverterAndCounters()
    {
        var factory = new FakePacketSourceFactory();
        factory.Source.EnqueueCapture(TestData.SolarEdge("synth_passive_capture.pcap"));
        using IHost host = await StartAsync(factory, withKey: true);
        StatusModel status = host.Services.GetRequiredService<StatusModel>();

        SourceStatus source = await WaitForAsync(status, s => s.Counters.GetValueOrDefault("posts") == 2 && s.Counters.GetValueOrDefault("frames") == 10);

        Assert.Equal("br0", factory.OpenedInterface);
        Assert.Equal(BpfFilters.TcpPorts([22222, 22221, 80]), factory.Filter);
        Assert.Equal(ComponentState.Running, source.State);
        Assert.Equal(10, source.Counters["frames"]);
        Assert.Equal(10, source.Counters["segments"]); // the fake applies no kernel filter, and the dissector reads the VLAN-tagged one
        Assert.Equal(0, source.Counters["decode_errors"]);
        Assert.Equal(8, source.Counters["readings"]); // the wrapped post repeats the plain one's 8 records: stored once
        Assert.True(source.Counters["bytes"] > 1000);
        InverterStatus inverter = Assert.Single(status.Snapshot().Inverters, i => i.Serial == "7E1A06DB");
        Assert.Equal("capture", inverter.Source);
        Assert.Equal("192.0.2.10", inverter.Address);
        Assert.Equal(2, inverter.Posts);
        Assert.Equal(InverterFirmware.Encrypted, inverter.Firmware);
        var journal = host.Services.GetRequiredService<SqliteReadingJournal>();
        Assert.Equal(8, journal.ReadAfter(0, int.MaxValue).Count);
        await host.StopAsync();
        Assert.True(factory.Source.Disposed);
        Assert.True(File.Exists(_temp.File(SolarEdgeSessionsFile)), "the session key seen in the capture is kept for a restart");
    }

    [Fact]
    public async Task Capture_NoKey_DecodesThePlainPostAndShowsTheMissingKey()
    {
        var factory = new FakePacketSourceFactory();
        factory.Source.EnqueueCapture(TestData.SolarEdge("synth_passive_capture.pcap"));
        using IHost host = await StartAsync(factory, withKey: false);
        StatusModel status = host.Services.GetRequiredService<StatusModel>();

        SourceStatus source = await WaitForAsync(status, s => s.Counters.GetValueOrDefault("posts") == 1 && s.Counters.GetValueOrDefault("undecrypted") > 0);

        Assert.Equal(8, source.Counters["readings"]);
        // The capture's key exchange comes from 7F104920, whose key is missing.
        InverterStatus inverter = Assert.Single(status.Snapshot().Inverters, i => i.Serial == "7F104920");
        Assert.Equal(InverterFirmware.EncryptedNoKey, inverter.Firmware);
        Assert.NotNull(inverter.Guidance);
        await host.StopAsync();
    }

    [Fact]
    public async Task Capture_NotPermitted_SourceFailsWithTheReasonAndTheHostStaysUp()
    {
        var factory = new FakePacketSourceFactory { Failure = new UnauthorizedAccessException("socket(AF_PACKET, SOCK_RAW) capture interface br0: not permitted. Capturing needs the CAP_NET_RAW capability.") };
        using IHost host = await StartAsync(factory, withKey: false);
        StatusModel status = host.Services.GetRequiredService<StatusModel>();

        SourceStatus source = await WaitForAsync(status, s => s.State == ComponentState.Failed);

        Assert.Contains("CAP_NET_RAW", source.Detail, StringComparison.Ordinal);
        Assert.Contains("trying again", source.Detail, StringComparison.Ordinal);
        Assert.Equal(SupervisorState.Running, status.State);
        await host.StopAsync();
        Assert.Equal(ComponentState.Stopped, status.Snapshot().Sources.Single(s => s.Name == "capture").State);
    }

    [Theory]
    [InlineData(false, "the interface went down")]
    [InlineData(true, "capture stopped by an internal error: decoder bug")]
    public async Task Capture_ReceiveFails_SourceFailsWithTheReasonAfterJournalingWhatCameBefore(bool bug, string detail)
    {
        var factory = new FakePacketSourceFactory();
        factory.Source.EnqueueCapture(TestData.SolarEdge("synth_passive_capture.pcap"));
        factory.Source.FailWhenEmpty = bug ? new InvalidOperationException("decoder bug") : new IOException("the interface went down");
        using IHost host = await StartAsync(factory, withKey: true);
        StatusModel status = host.Services.GetRequiredService<StatusModel>();

        SourceStatus source = await WaitForAsync(status, s => s.State == ComponentState.Failed && s.Counters.GetValueOrDefault("posts") == 2);
        Assert.Equal(10, source.Counters["frames"]);

        Assert.Contains(detail, source.Detail, StringComparison.Ordinal);
        Assert.Equal(SupervisorState.Running, status.State);
        await host.StopAsync();
    }

    [Fact]
    public void Build_CaptureOff_NoCaptureServiceAndNoPacketSource()
    {
        string config = _temp.Write("solartap.yaml", $"journal:\n  path: {_temp.File("journal.db")}\nstatus:\n  socket: {_temp.File("status.sock")}\n");
        using IHost host = SupervisorHost.Build(Settings(config, null));

        Assert.Null(host.Services.GetService<IPacketSourceFactory>());
    }

    private const string SolarEdgeSessionsFile = "solaredge-sessions.txt";

    public void Dispose() => _temp.Dispose();

    private async Task<IHost> StartAsync(FakePacketSourceFactory factory, bool withKey)
    {
        Directory.CreateDirectory(_temp.File("keys"));
        if (withKey)
        {
            File.WriteAllText(_temp.File("keys/7f104920.key"), TestData.SolarEdgeText("7f104920.key")); // the capture's key exchange is 7F104920's
        }

        string config = _temp.Write("solartap.yaml",
            $"network:\n  dhcp_port: off\ndns:\n  port: off\nsolaredge:\n  mode: off\n  keys_directory: {_temp.File("keys")}\n" +
            $"capture:\n  interface: br0\njournal:\n  path: {_temp.File("journal.db")}\nstatus:\n  socket: {_temp.File("status.sock")}\n");
        IHost host = SupervisorHost.Build(Settings(config, factory));
        await host.StartAsync();
        return host;
    }

    private static SupervisorHostSettings Settings(string config, FakePacketSourceFactory? factory) => new()
    {
        ConfigPath = config,
        ConfigCandidates = [],
        Notifier = new SystemdNotifier(null, null, null, Environment.ProcessId),
        ConfigureServices = (services, _) =>
        {
            if (factory is not null)
            {
                services.AddSingleton<IPacketSourceFactory>(factory);
            }
        },
    };

    private static async Task<SourceStatus> WaitForAsync(StatusModel status, Func<SourceStatus, bool> condition)
    {
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            SourceStatus? source = status.Snapshot().Sources.FirstOrDefault(s => s.Name == "capture");
            if (source is not null && condition(source))
            {
                return source;
            }

            Assert.True(clock.Elapsed < Timeout, $"capture source never got there: {source}");
            await Task.Delay(20);
        }
    }
}
