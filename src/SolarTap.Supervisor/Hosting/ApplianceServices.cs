using Microsoft.Extensions.DependencyInjection;
using SolarTap.Devices.Capture;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Capture;
using SolarTap.Supervisor.Capture;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Dhcp;
using SolarTap.Supervisor.Dns;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Modbus;
using SolarTap.Supervisor.Mqtt;
using SolarTap.Supervisor.Sinks;
using SolarTap.Supervisor.SolarEdge;

namespace SolarTap.Supervisor.Hosting;

/// <summary>
/// The composition point of the appliance's services: each later service (DHCP, DNS, SolarEdge server, relay,
/// capture, pollers, sinks) adds its registration here. Called only with a valid configuration; with a bad one the
/// supervisor runs the status surfaces alone.
/// </summary>
public static class ApplianceServices
{
    /// <summary>
    /// Registers the appliance's services. Hosted services start in registration order (the journal first, so sources
    /// can append as soon as they start) and stop in reverse.
    /// </summary>
    public static IServiceCollection AddApplianceServices(this IServiceCollection services, SupervisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options.Journal);
        services.AddSingleton(sp => new SqliteReadingJournal(options.Journal.Path, sp.GetService<TimeProvider>()));
        services.AddSingleton<IReadingJournal>(sp => sp.GetRequiredService<SqliteReadingJournal>());
        services.AddSingleton<IUnknownFrameStore>(sp => sp.GetRequiredService<SqliteReadingJournal>());
        services.AddSingleton<IDeviceDetailsStore>(sp => sp.GetRequiredService<SqliteReadingJournal>());
        services.AddHostedService<JournalService>();

        services.AddHostedService<DhcpService>();
        services.AddHostedService<DnsService>();

        // SolarEdge server / relay (spec §5). Tests and the demo replace IClockSyncCheck through ConfigureServices.
        services.AddSingleton<IClockSyncCheck>(_ => new FileClockSyncCheck(options.SolarEdge.ClockSyncFile));
        services.AddSingleton(sp => new SolarEdgeSessions(
            options.SolarEdge.KeysDirectory,
            Path.Combine(Path.GetDirectoryName(options.Journal.Path) ?? "/", SolarEdgeSessions.FileName),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SolarEdgeSessions>>()));
        services.AddSingleton(sp => new SolarEdgeJournalWriter(sp.GetRequiredService<IReadingJournal>(), sp.GetRequiredService<IUnknownFrameStore>()));
        services.AddSingleton<SolarEdgeStatusReporter>();
        services.AddSingleton<SolarEdgeEndpoints>();
        services.AddHostedService<SolarEdgeService>();

        if (options.Mqtt.Enabled)
        {
            services.AddSingleton(options.Mqtt);
            services.AddHostedService<MqttSink>();
        }

        if (options.JsonLines.Enabled)
        {
            services.AddSingleton(options.JsonLines);
            services.AddHostedService<JsonLinesSink>();
        }

        if (options.SunSpec.Enabled)
        {
            // SunSpec Modbus source (docs/modbus.md); tests replace ISerialPortFactory through ConfigureServices.
            services.AddSingleton(options.SunSpec);
            services.AddSingleton<ISerialPortFactory>(SerialPortFactory.Instance);
            services.AddHostedService<SunSpecService>();
        }

        if (options.Rs485.Enabled)
        {
            // SolarEdge RS485 master or sniffer (spec §6). Tests register an Rs485PortFactory; the GPIO driver a GpioOutputFactory.
            services.AddSingleton(options.Rs485);
            services.AddHostedService<Serial.Rs485Service>();
        }

        if (options.Capture.Enabled)
        {
            // Passive capture of bridge mode (spec §5.4); tests replace IPacketSourceFactory through ConfigureServices.
            services.AddSingleton(options.Capture);
            services.AddSingleton<IPacketSourceFactory>(LinuxPacketSourceFactory.Instance);
            services.AddHostedService<CaptureService>();
        }

        // Later issues: pollers.
        return services;
    }
}
