using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarTap.Devices.Serial;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;
using SolarTap.Supervisor.Systemd;
using SolarTap.Testing.Modbus;
using SolarTap.Testing.Serial;

namespace SolarTap.Supervisor.Tests.Modbus;

/// <summary>
/// The whole supervisor with a <c>sunspec</c> section: the source polls the in-repo Modbus TCP server (or a simulated
/// RTU slave behind a fake serial port factory), its readings land in the real SQLite journal, and the status model
/// shows each unit.
/// </summary>
public sealed class SunSpecServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Run_LeaderAndFollowerOverTcp_ReadingsInJournalAndUnitsOnline()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader()).Set(2, SunSpecSite.Follower()));
        using var folder = new TempFolder();
        using IHost host = await StartAsync(folder, $"    - host: 127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)}\n      units: [1, 2]\n");

        IReadOnlyList<Reading> readings = await WaitForReadings(host, 4);
        StatusModel status = host.Services.GetRequiredService<StatusModel>();
        ModbusUnitStatus leader = await WaitForUnit(status, $"127.0.0.1:{server.Port}", 1, ComponentState.Running);
        ModbusUnitStatus follower = await WaitForUnit(status, $"127.0.0.1:{server.Port}", 2, ComponentState.Running);
        await host.StopAsync();

        Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.LeaderSerial && r.Get(Quantity.AcPower) == 2845);
        Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.MeterSerial && r.Device.Parent == SunSpecSite.LeaderSerial);
        Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.FollowerSerial);
        Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.BatterySerial && r.Get(Quantity.BatteryStateOfCharge) == 65.5);
        Assert.Equal(SunSpecSite.LeaderSerial, leader.Serial);
        Assert.Equal("SolarEdge SE10K-RWB48", leader.Device);
        Assert.Equal([1, 103, 1, 203], leader.Models);
        Assert.Equal(SunSpecSite.FollowerSerial, follower.Serial);
        Assert.NotNull(leader.LastAnswer);
        Assert.Equal(1, server.Connections); // one connection for both units
    }

    [Fact]
    public async Task Run_UnitThatDoesNotAnswer_FailedWhileTheOtherStaysOnline()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader()).Set(3, 40000, new ushort[] { 1, 2, 3, 4 }));
        using var folder = new TempFolder();
        using IHost host = await StartAsync(folder, $"    - host: 127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)}\n      units: [1, 3, 9]\n      timeout: 1s\n");
        string link = $"127.0.0.1:{server.Port}";
        StatusModel status = host.Services.GetRequiredService<StatusModel>();

        ModbusUnitStatus silent = await WaitForUnit(status, link, 9, ComponentState.Failed);
        ModbusUnitStatus notSunSpec = await WaitForUnit(status, link, 3, ComponentState.Failed);
        ModbusUnitStatus leader = await WaitForUnit(status, link, 1, ComponentState.Running);
        await host.StopAsync();

        Assert.Contains("no answer", silent.LastError, StringComparison.Ordinal);
        Assert.True(silent.Timeouts >= 1);
        Assert.Null(silent.LastAnswer);
        Assert.Equal("no SunSpec marker at 40000, 0 or 50000", notSunSpec.LastError);
        Assert.True(leader.Polls >= 1);
        Assert.True(status.Snapshot().Sources.Single(s => s.Name == "sunspec").Counters["failures"] >= 2);
    }

    [Fact]
    public async Task Run_SerialDevice_RtuSlaveReadThroughTheFactorySeam()
    {
        var line = FakeSerialLine.Create(new SerialSettings(9600, SerialParity.Even));
        using var slave = new ModbusRtuSlave(line.B, new ModbusRegisterServer().Set(1, SunSpecSite.Hybrid()));
        var ports = new FakePortFactory(line.A);
        using var folder = new TempFolder();
        using IHost host = await StartAsync(folder, "    - serial: /dev/ttyFAKE0\n      units: [1]\n", services => services.AddSingleton<ISerialPortFactory>(ports));

        IReadOnlyList<Reading> readings = await WaitForReadings(host, 2);
        await host.StopAsync();

        Assert.Equal("/dev/ttyFAKE0", ports.Opened);
        Assert.Equal(new SerialSettings(9600, SerialParity.Even), ports.Settings);
        Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.HybridSerial + "-storage" && r.Get(Quantity.BatteryStateOfCharge) == 73.4);
    }

    [Fact]
    public async Task Run_SerialPortCannotBeOpened_UnitsFailedWithTheReason()
    {
        using var folder = new TempFolder();
        using IHost host = await StartAsync(folder, "    - serial: /dev/ttyNOPE\n      units: [1, 2]\n");
        StatusModel status = host.Services.GetRequiredService<StatusModel>();

        ModbusUnitStatus unit = await WaitForUnit(status, "/dev/ttyNOPE", 2, ComponentState.Failed);
        await host.StopAsync();

        Assert.Contains("open /dev/ttyNOPE: No such file or directory", unit.LastError, StringComparison.Ordinal);
    }

    private static async Task<IHost> StartAsync(TempFolder folder, string devices, Action<IServiceCollection>? configure = null)
    {
        string config = folder.Write("solartap.yaml",
            "network:\n  dhcp_port: off\ndns:\n  port: off\nsolaredge:\n  mode: off\n"
            + $"journal:\n  path: {folder.File("journal.db")}\nstatus:\n  socket: {folder.File("status.sock")}\n"
            + "sunspec:\n  poll_interval: 1s\n  devices:\n" + devices);
        IHost host = SupervisorHost.Build(new SupervisorHostSettings
        {
            ConfigPath = config,
            ConfigCandidates = [],
            Notifier = new SystemdNotifier(null, null, null, Environment.ProcessId),
            ConfigureServices = (services, _) => configure?.Invoke(services),
        });
        await host.StartAsync();
        Assert.NotEqual(SupervisorState.ConfigurationError, host.Services.GetRequiredService<StatusModel>().State);
        return host;
    }

    private static async Task<IReadOnlyList<Reading>> WaitForReadings(IHost host, int count)
    {
        var journal = host.Services.GetRequiredService<SqliteReadingJournal>();
        IReadOnlyList<Reading> readings = [];
        for (var waited = TimeSpan.Zero; waited < Patience; waited += TimeSpan.FromMilliseconds(50))
        {
            readings = [.. journal.ReadAfter(0, int.MaxValue).Select(e => e.Reading)];
            if (readings.Count >= count)
            {
                return readings;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"only {readings.Count} readings in the journal; status: {StatusJson(host)}");
        return readings;
    }

    private static async Task<ModbusUnitStatus> WaitForUnit(StatusModel status, string link, byte unit, ComponentState state)
    {
        for (var waited = TimeSpan.Zero; waited < Patience; waited += TimeSpan.FromMilliseconds(50))
        {
            if (status.GetModbusUnit(link, unit) is { } current && current.State == state)
            {
                return current;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"unit {unit} on {link} never became {state}: {status.GetModbusUnit(link, unit)}");
        return null!;
    }

    private static string StatusJson(IHost host) => string.Join("; ", host.Services.GetRequiredService<StatusModel>().Snapshot().ModbusUnits);

    private sealed class FakePortFactory(ISerialPort port) : ISerialPortFactory
    {
        public string? Opened { get; private set; }

        public SerialSettings? Settings { get; private set; }

        public ISerialPort Open(string path, SerialSettings settings)
        {
            Opened = path;
            Settings = settings;
            return port;
        }
    }
}
