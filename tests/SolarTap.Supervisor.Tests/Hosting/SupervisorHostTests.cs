using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;
using SolarTap.Supervisor.Systemd;
using SolarTap.Supervisor.Tests.Systemd;

namespace SolarTap.Supervisor.Tests.Hosting;

/// <summary>The whole supervisor in this process, on temp paths: status socket, journal, notify.</summary>
public sealed class SupervisorHostTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempFolder _temp = new();

    private string Socket => _temp.File("status.sock");

    private string GoodConfig() => _temp.Write("solartap.yaml", $"journal:\n  path: {_temp.File("journal.db")}\nstatus:\n  socket: {Socket}\n");

    private static SupervisorHostSettings Settings(string config, SystemdNotifier? notifier = null, Action<IServiceCollection, SupervisorOptions>? services = null) => new()
    {
        ConfigPath = config,
        ConfigCandidates = [],
        Notifier = notifier ?? new SystemdNotifier(null, null, null, Environment.ProcessId),
        ConfigureServices = services,
    };

    [Fact]
    public async Task Start_ValidConfig_StatusSocketAnswersRunning()
    {
        string config = GoodConfig();
        using IHost host = SupervisorHost.Build(Settings(config));
        await host.StartAsync();

        StatusSnapshot status = await StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None);

        Assert.Equal(SupervisorState.Running, status.State);
        Assert.Equal(config, status.ConfigPath);
        Assert.Equal("running: 0 inverters, 0 readings", status.Summary);
        await host.StopAsync();
        Assert.False(File.Exists(Socket));
    }

    [Fact]
    public async Task Start_ValidConfig_JournalIsOpenForServices()
    {
        using IHost host = SupervisorHost.Build(Settings(GoodConfig()));
        await host.StartAsync();
        IReadingJournal journal = host.Services.GetRequiredService<IReadingJournal>();

        await journal.AppendAsync([new Reading(new DeviceIdentity(DeviceKind.Inverter, "7F104920"), DateTimeOffset.UnixEpoch, [])], CancellationToken.None);

        await host.StopAsync();
        Assert.Equal(1, StoredReadings(_temp.File("journal.db")));
    }

    [Fact]
    public async Task Start_MqttHostSet_TheSinkRunsAndWaitsForAnUnreachableBrokerWithoutStoppingTheHost()
    {
        string config = _temp.Write("solartap.yaml", $"journal:\n  path: {_temp.File("journal.db")}\nstatus:\n  socket: {Socket}\nmqtt:\n  host: 127.0.0.1\n  port: 9\n");
        using IHost host = SupervisorHost.Build(Settings(config));
        await host.StartAsync();

        SinkStatus? sink = null;
        for (int i = 0; i < 100 && sink?.State != ComponentState.Waiting; i++)
        {
            await Task.Delay(50);
            // The sink appears in the status once it has started; until then there is no "mqtt" entry.
            sink = (await StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None)).Sinks.SingleOrDefault(s => s.Name == "mqtt");
        }

        Assert.NotNull(sink);
        Assert.Equal(ComponentState.Waiting, sink.State);
        Assert.StartsWith("MQTT: ", sink.Detail, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_JournalCannotBeOpenedWithSinksOn_SinksReportItAndTheHostStaysUp()
    {
        string blocker = _temp.Write("not-a-folder", "");
        string config = _temp.Write("solartap.yaml",
            $"journal:\n  path: {blocker}/journal.db\nstatus:\n  socket: {Socket}\nmqtt:\n  host: 127.0.0.1\n  port: 9\njsonl:\n  directory: {_temp.File("out")}\n");
        using IHost host = SupervisorHost.Build(Settings(config));
        await host.StartAsync();

        StatusSnapshot status = null!;
        for (int i = 0; i < 100 && status?.Sinks.Count(s => s.State == ComponentState.Failed) != 2; i++)
        {
            await Task.Delay(50);
            status = await StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None);
        }

        Assert.Equal(SupervisorState.Fault, status.State);
        Assert.All(status.Sinks, s => Assert.Equal(ComponentState.Failed, s.State));
        Assert.Equal(["jsonl", "mqtt"], status.Sinks.Select(s => s.Name).Order(StringComparer.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_BadConfig_RunsOnlyTheStatusSurfacesInConfigurationError()
    {
        string config = _temp.Write("bad.yaml", $"status:\n  socket: {Socket}\nnetwork:\n  pool_start: 10.0.0.1\n  lease: 1h\n");
        using IHost host = SupervisorHost.Build(Settings(config));
        await host.StartAsync();

        StatusSnapshot status = await StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None);

        Assert.Equal(SupervisorState.ConfigurationError, status.State);
        Assert.Equal(
            [
                $"{config}:4: network.pool_start: expected a host address inside 192.168.50.0/24 (network.address 192.168.50.1/24), found 10.0.0.1",
                $"{config}:5: network.lease: unknown key, expected one of: interface, address, pool_start, pool_end, lease_time, reservations, allowed_mac_prefixes, allowed_macs, dhcp_port, lease_file, uplink_interface",
            ],
            status.Messages);
        Assert.Null(host.Services.GetService<IReadingJournal>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_JournalCannotBeOpened_IsAFaultNotACrash()
    {
        string blocker = _temp.Write("not-a-folder", "");
        string config = _temp.Write("solartap.yaml", $"journal:\n  path: {blocker}/journal.db\nstatus:\n  socket: {Socket}\n");
        using IHost host = SupervisorHost.Build(Settings(config));
        await host.StartAsync();

        StatusSnapshot status = await StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None);

        Assert.Equal(SupervisorState.Fault, status.State);
        Assert.StartsWith($"journal: cannot open {blocker}/journal.db: ", Assert.Single(status.Messages), StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_StaleSocketFileFromADeadSupervisor_IsReplaced()
    {
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            dead.Bind(new UnixDomainSocketEndPoint(Socket)); // leaves the file behind, with nobody listening
        }

        using IHost host = SupervisorHost.Build(Settings(GoodConfig()));
        await host.StartAsync();

        Assert.Equal(SupervisorState.Running, (await StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None)).State);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_AnotherSupervisorOnTheSocket_IsAFault()
    {
        string config = GoodConfig();
        using IHost first = SupervisorHost.Build(Settings(config));
        await first.StartAsync();
        string config2 = _temp.Write("second.yaml", $"journal:\n  path: {_temp.File("journal2.jsonl")}\nstatus:\n  socket: {Socket}\n");
        using IHost second = SupervisorHost.Build(Settings(config2));

        await second.StartAsync();

        StatusModel secondStatus = second.Services.GetRequiredService<StatusModel>();
        Assert.Equal(SupervisorState.Fault, secondStatus.State);
        Assert.Equal($"status: cannot listen on {Socket}: another supervisor is answering there", Assert.Single(secondStatus.Snapshot().Messages));
        Assert.Equal(config, (await StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None)).ConfigPath);
        await second.StopAsync();
        await first.StopAsync();
    }

    [Fact]
    public async Task StatusSocket_UnknownRequest_GetsAnErrorLine()
    {
        using IHost host = SupervisorHost.Build(Settings(GoodConfig()));
        await host.StartAsync();
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(Socket));

        await client.SendAsync("reboot\n"u8.ToArray(), SocketFlags.None);
        byte[] buffer = new byte[256];
        int n = await client.ReceiveAsync(buffer, SocketFlags.None);

        Assert.Equal("error: unknown request \"reboot\"; send \"status\"\n", Encoding.UTF8.GetString(buffer, 0, n));
        await host.StopAsync();
    }

    [Fact]
    public async Task QueryAsync_NoSupervisor_SaysSoInOneLine()
    {
        var error = await Assert.ThrowsAsync<StatusUnavailableException>(() => StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None));

        Assert.Equal($"no supervisor at {Socket}: is solartap running?", error.Message);
    }

    [Fact]
    public async Task ConfigureServices_AHostedServiceReadsOptionsUpdatesStatusAndAppends()
    {
        using IHost host = SupervisorHost.Build(Settings(GoodConfig(), services: (services, options) => services.AddHostedService<ExampleSource>()));
        await host.StartAsync();

        StatusSnapshot status = await StatusClient.QueryAsync(Socket, Timeout, CancellationToken.None);

        SourceStatus source = Assert.Single(status.Sources, s => s.Name == "example"); // beside dhcp and dns, waiting for eth0
        Assert.Equal(new[] { "readings" }, source.Counters.Keys);
        Assert.Equal("listening on eth0", source.Detail);
        Assert.Equal("7F104920", Assert.Single(status.Inverters).Serial);
        await host.StopAsync();
        Assert.Equal(1, StoredReadings(_temp.File("journal.db")));
    }

    [Fact]
    public async Task Notify_InProcess_ReadyWatchdogAndStopping()
    {
        using var systemd = new NotifySocket(_temp.File("notify"));
        using IHost host = SupervisorHost.Build(Settings(GoodConfig(), new SystemdNotifier(systemd.Address, "200000", null, Environment.ProcessId)));
        await host.StartAsync();

        List<string> received = await systemd.ReceiveUntilAsync("READY=1", Timeout);
        Assert.Equal("READY=1\nSTATUS=running: 0 inverters, 0 readings", received.Single(m => m.StartsWith("READY=1", StringComparison.Ordinal)));
        await systemd.ReceiveUntilAsync("WATCHDOG=1", Timeout, received);
        await host.StopAsync();
        await systemd.ReceiveUntilAsync("STOPPING=1", Timeout, received);
    }

    public void Dispose() => _temp.Dispose();

    private static long StoredReadings(string path)
    {
        using var journal = new SqliteReadingJournal(path);
        journal.Open();
        return journal.GetStats().Readings;
    }
}
