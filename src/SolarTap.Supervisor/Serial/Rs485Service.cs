using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SolarTap.Devices.Leds;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Serial;

/// <summary>
/// The SolarEdge RS485 source (spec §6): as the bus master it polls the configured slaves and ACKs each post only
/// after its readings are committed to the journal (ARCHITECTURE §3); as a sniffer it decodes a bus with another
/// master into the journal without transmitting. Each slave is shown in the status model as <c>rs485-&lt;id&gt;</c>.
/// A port that is missing, busy or fails is reported and opened again every <see cref="ReopenDelay"/>.
/// </summary>
internal sealed partial class Rs485Service : ApplianceService
{
    /// <summary>The status-model source of the service itself.</summary>
    public const string SourceName = "rs485";

    /// <summary>Wait before opening the port again after it failed.</summary>
    public static readonly TimeSpan ReopenDelay = TimeSpan.FromSeconds(10);

    private readonly Rs485Options _options;
    private readonly IReadingJournal _journal;
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;

    public Rs485Service(Rs485Options options, IReadingJournal journal, StatusModel status, IServiceProvider services, ILogger<Rs485Service> logger)
        : base(SourceName, "RS485", status, logger)
    {
        _options = options;
        _journal = journal;
        _services = services;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        Report(ComponentState.Starting, $"opening {_options.Port}");
        foreach (uint id in _options.Mode == Rs485Mode.Master ? _options.Slaves : [])
        {
            Status.SetSerialSlave(new Rs485SlaveStatus(id, false, null, 0, 0, 0, 0, 0, null));
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            string problem;
            try
            {
                using ISerialPort port = Open();
                Report(ComponentState.Running, $"{(_options.Mode == Rs485Mode.Master ? "master of " + Plural(_options.Slaves.Count, "slave") : "listening, receive only")} on {port.Name} at {port.Settings}");
                await (_options.Mode == Rs485Mode.Master ? RunMasterAsync(port, stoppingToken) : RunSnifferAsync(port, stoppingToken)).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                problem = e.Message;
            }

            Report(ComponentState.Waiting, $"{problem} Trying again in {ReopenDelay.TotalSeconds:0} s.");
            await Task.Delay(ReopenDelay, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private ISerialPort Open()
    {
        IOnOffOutput? driverEnable = null;
        if (_options.DriverEnableGpio is { } line)
        {
            GpioOutputFactory gpio = _services.GetService<GpioOutputFactory>() ?? RequestLinuxLine;
            driverEnable = gpio(line);
        }

        Rs485PortFactory open = _services.GetService<Rs485PortFactory>() ?? OpenLinux;
        return open(_options, driverEnable);
    }

    // The DE/RE line through the GPIO v2 character device, idle low (receive) until the master transmits.
    private static IOnOffOutput RequestLinuxLine(GpioLine line) =>
        SolarTap.Linux.Gpio.GpioOutputLine.Request(new SolarTap.Linux.Gpio.GpioLineAddress(line.Chip, line.Line, null), initialValue: false);

    private static ISerialPort OpenLinux(Rs485Options options, IOnOffOutput? driverEnable) =>
        LinuxSerialPort.Open(options.Port, new SerialSettings(options.Baud), new LinuxSerialPortOptions
        {
            Rs485 = options.Mode == Rs485Mode.Master, // a sniffer never drives the bus
            DriverEnable = options.Mode == Rs485Mode.Master ? driverEnable : null,
        });

    private async Task RunMasterAsync(ISerialPort port, CancellationToken stoppingToken)
    {
        var master = new SolarEdgeRs485Master(port, new SolarEdgeRs485MasterOptions
        {
            Slaves = _options.Slaves,
            ResponseTimeout = _options.ResponseTimeout,
            GrantTimeout = _options.GrantTimeout,
            Retries = _options.Retries,
            OfflineAfter = _options.OfflineAfter,
            BackoffInitial = _options.PollInterval * 2 < _options.BackoffMax ? _options.PollInterval * 2 : _options.BackoffMax,
            BackoffMax = _options.BackoffMax,
            CycleInterval = _options.PollInterval,
        }, CommitAsync, _time);
        master.SlaveChanged += (_, slave) => Status.SetSerialSlave(slave);
        await Task.Run(() => master.RunAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Makes a post durable; only then may the master ACK it (ARCHITECTURE §3).</summary>
    private async ValueTask<bool> CommitAsync(Rs485Post post, CancellationToken cancellationToken)
    {
        IReadOnlyList<Reading> readings = post.Telemetry.Readings;
        int stored;
        try
        {
            stored = readings.Count == 0 ? 0 : await _journal.AppendAsync(readings, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            Status.CountSource(SourceName, "journal_errors");
            Report(ComponentState.Waiting, $"journal write failed, post of {SolarEdgeAddress.Format(post.Slave)} not acknowledged (it will be sent again): {e.Message}");
            return false;
        }

        Status.CountSource(SourceName, "posts");
        Status.CountSource(SourceName, "readings", stored);
        Status.InverterPosted(SolarEdgeAddress.Format(post.Slave), null, stored);
        return true;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
