using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Hosting;

/// <summary>Logs the configuration outcome at start and moves the status model to running, then stopping.</summary>
internal sealed partial class SupervisorLifecycleService(ConfigLoadResult config, StatusModel status, ILogger<SupervisorLifecycleService> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (config.IsValid)
        {
            LogConfig(logger, config.Path ?? "none found; using the defaults");
        }
        else
        {
            LogConfigErrors(logger, config.Errors.Count, config.Path ?? "");
            foreach (ConfigError error in config.Errors)
            {
                LogConfigError(logger, error.ToString());
            }
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        status.SetState(SupervisorState.Running);
        string summary = status.Snapshot().Summary;
        LogState(logger, summary);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        status.SetState(SupervisorState.Stopping);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration: {Path}")]
    private static partial void LogConfig(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration error: {Count} problem(s) in {Path}; only the status surfaces run until it is fixed and solartap is restarted.")]
    private static partial void LogConfigErrors(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private static partial void LogConfigError(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervisor {Summary}")]
    private static partial void LogState(ILogger logger, string summary);
}
