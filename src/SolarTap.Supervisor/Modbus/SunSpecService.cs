using Microsoft.Extensions.Logging;
using SolarTap.Devices.Modbus;
using SolarTap.Devices.Serial;
using SolarTap.Protocols.Modbus;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Modbus;

/// <summary>
/// The SunSpec Modbus source (section <c>sunspec</c>, docs/modbus.md): one loop per configured link, each with ONE
/// Modbus client (one TCP connection per inverter, as SolarEdge inverters serve a single client; or one serial line)
/// that polls the link's units in turn every poll interval. A unit that stops answering is shown as failed and
/// retried on the next round; it never stalls the other links.
/// </summary>
internal sealed partial class SunSpecService(
    SunSpecOptions options, IReadingJournal journal, StatusModel status, ISerialPortFactory serialPorts, TimeProvider time, ILogger<SunSpecService> logger)
    : ApplianceService(SunSpecUnitPoller.Source, "SunSpec", status, logger)
{
    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        int units = options.Devices.Sum(d => d.Units.Count);
        Report(ComponentState.Running, $"polling {units} unit{(units == 1 ? "" : "s")} on {options.Devices.Count} link{(options.Devices.Count == 1 ? "" : "s")}");
        await Task.WhenAll(options.Devices.Select(d => PollLinkAsync(d, stoppingToken))).ConfigureAwait(false);
    }

    private async Task PollLinkAsync(SunSpecDeviceOptions device, CancellationToken stop)
    {
        TimeSpan interval = device.PollInterval ?? options.PollInterval;
        var clientOptions = new ModbusClientOptions { ResponseTimeout = device.Timeout ?? options.Timeout };
        List<SunSpecUnitPoller> pollers = [.. device.Units.Select(u => new SunSpecUnitPoller(device.Name, u, journal, Status, time))];
        pollers.ForEach(p => p.Publish());
        IModbusClient? client = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                long started = time.GetTimestamp();
                client ??= TryOpen(device, clientOptions, pollers);
                foreach (SunSpecUnitPoller poller in pollers)
                {
                    if (client is null)
                    {
                        break;
                    }

                    ComponentState before = poller.State.State;
                    try
                    {
                        await poller.PollAsync(client, stop).ConfigureAwait(false);
                    }
                    catch (IOException e)
                    {
                        // The serial device failed or went away: open it again next round.
                        await client.DisposeAsync().ConfigureAwait(false);
                        client = null;
                        pollers.ForEach(p => p.LinkFailed($"{device.Name}: {e.Message}"));
                    }

                    LogChange(device.Name, poller, before);
                }

                TimeSpan wait = interval - time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stop).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            if (client is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private IModbusClient? TryOpen(SunSpecDeviceOptions device, ModbusClientOptions clientOptions, List<SunSpecUnitPoller> pollers)
    {
        try
        {
            return ModbusLinks.Open(device, serialPorts, time, clientOptions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            if (pollers.Count > 0 && pollers[0].State.LastError != e.Message)
            {
                LogLinkFailed(logger, device.Name, e.Message);
            }

            pollers.ForEach(p => p.LinkFailed(e.Message));
            return null;
        }
    }

    private void LogChange(string link, SunSpecUnitPoller poller, ComponentState before)
    {
        ModbusUnitStatus now = poller.State;
        if (now.State == before)
        {
            return;
        }

        if (now.State == ComponentState.Running)
        {
            string models = string.Join(',', now.Models);
            LogOnline(logger, link, poller.Unit, now.Serial ?? "-", models);
        }
        else if (now.State == ComponentState.Failed)
        {
            LogOffline(logger, link, poller.Unit, now.LastError ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SunSpec: {Link} unit {Unit} online, serial {Serial}, models {Models}")]
    private static partial void LogOnline(ILogger logger, string link, byte unit, string serial, string models);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SunSpec: {Link} unit {Unit} not answering: {Reason}")]
    private static partial void LogOffline(ILogger logger, string link, byte unit, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SunSpec: cannot open {Link}: {Reason}")]
    private static partial void LogLinkFailed(ILogger logger, string link, string reason);
}
