using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;
using SolarTap.Supervisor.Systemd;
using SolarTap.Testing.Modbus;

namespace SolarTap.System.Tests.Modbus;

/// <summary>
/// The supervisor's SunSpec source polling python3-pymodbus (three units over one connection): its readings land in
/// the real SQLite journal, and each unit shows as online with its serial.
/// </summary>
public sealed class SunSpecSourceSystemTests
{
    [Fact]
    public async Task Run_PymodbusThreeUnits_ReadingsInTheSqliteJournal()
    {
        await using PymodbusServer server = await PymodbusServer.StartAsync(new Dictionary<byte, SunSpecMap>
        {
            [1] = SunSpecSite.Leader(40000),
            [2] = SunSpecSite.Follower(50000),
            [3] = SunSpecSite.Hybrid(0),
        });
        string folder = Directory.CreateTempSubdirectory("st-sunspec-").FullName;
        try
        {
            string port = server.Port.ToString(CultureInfo.InvariantCulture);
            string config = Path.Combine(folder, "solartap.yaml");
            await File.WriteAllTextAsync(config,
                "network:\n  dhcp_port: off\ndns:\n  port: off\nsolaredge:\n  mode: off\n"
                + $"journal:\n  path: {folder}/journal.db\nstatus:\n  socket: {folder}/status.sock\n"
                + $"sunspec:\n  poll_interval: 1s\n  devices:\n    - host: 127.0.0.1:{port}\n      units: [1, 2, 3]\n");
            using IHost host = SupervisorHost.Build(new SupervisorHostSettings
            {
                ConfigPath = config,
                ConfigCandidates = [],
                Notifier = new SystemdNotifier(null, null, null, Environment.ProcessId),
            });
            await host.StartAsync();
            var journal = host.Services.GetRequiredService<SqliteReadingJournal>();
            StatusModel status = host.Services.GetRequiredService<StatusModel>();

            List<Reading> readings = [];
            for (int i = 0; i < 400 && readings.Select(r => r.Device.Serial).Distinct().Count() < 6; i++)
            {
                await Task.Delay(50);
                readings = [.. journal.ReadAfter(0, int.MaxValue).Select(e => e.Reading)];
            }

            IReadOnlyList<ModbusUnitStatus> units = status.Snapshot().ModbusUnits;
            await host.StopAsync();

            Assert.True(readings.Select(r => r.Device.Serial).Distinct().Count() == 6,
                $"serials in the journal: {string.Join(", ", readings.Select(r => r.Device.Serial).Distinct())}; units: {string.Join("; ", units)}\n{server.Output}");
            Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.LeaderSerial && r.Get(Quantity.EnergyTotal) == 12_345_678);
            Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.MeterSerial && r.Get(Quantity.GridImportEnergyTotal) == 3_210_000);
            Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.FollowerSerial && r.Get(Quantity.AcPower) == 3500.5);
            Assert.Contains(readings, r => r.Device.Serial == SunSpecSite.HybridSerial + "-storage" && r.Get(Quantity.BatteryVoltage) == 51.2);
            Assert.All(units, u => Assert.Equal(ComponentState.Running, u.State));
            Assert.Equal([SunSpecSite.LeaderSerial, SunSpecSite.FollowerSerial, SunSpecSite.HybridSerial], units.Select(u => u.Serial));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
