using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Systemd;

/// <summary>
/// Type=notify integration: READY=1 once every service has started, STATUS= whenever the status summary changes,
/// WATCHDOG=1 every half $WATCHDOG_USEC, STOPPING=1 at shutdown.
/// </summary>
internal sealed partial class SystemdNotifyService(
    SystemdNotifier notifier, StatusModel status, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<SystemdNotifyService> logger)
    : BackgroundService
{
    private static readonly TimeSpan StatusPoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        string summary = status.Snapshot().Summary;
        if (!notifier.Send(SystemdNotifyMessages.Ready(summary)))
        {
            LogSendFailed(logger, "READY=1");
        }

        TimeSpan? watchdog = notifier.WatchdogInterval;
        if (watchdog is { } w)
        {
            LogWatchdog(logger, w.TotalMilliseconds);
            notifier.Send(SystemdNotifyMessages.Watchdog);
        }

        TimeSpan tick = watchdog is { } interval && interval < StatusPoll ? interval : StatusPoll;
        long lastWatchdog = time.GetTimestamp();
        using var timer = new PeriodicTimer(tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (watchdog is { } due && time.GetElapsedTime(lastWatchdog) >= due - (tick / 4))
                {
                    notifier.Send(SystemdNotifyMessages.Watchdog);
                    lastWatchdog = time.GetTimestamp();
                }

                string now = status.Snapshot().Summary;
                if (now != summary)
                {
                    summary = now;
                    notifier.Send(SystemdNotifyMessages.Status(summary));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        notifier.Send(SystemdNotifyMessages.Stopping("stopping"));
        return base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Message} to systemd's notify socket.")]
    private static partial void LogSendFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog: WATCHDOG=1 every {Milliseconds} ms.")]
    private static partial void LogWatchdog(ILogger logger, double milliseconds);
}
