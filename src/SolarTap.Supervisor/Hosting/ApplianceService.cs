using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Hosting;

/// <summary>
/// A service of the appliance whose state is shown on the status surfaces. An unexpected error ends the service
/// with a "failed" state and a log line; it never stops the supervisor (the host stops on an unhandled exception).
/// </summary>
/// <param name="source">The status-model source name, e.g. "dhcp".</param>
/// <param name="logName">How log lines name the service, e.g. "DHCP".</param>
/// <param name="status">The status model.</param>
/// <param name="logger">The service's logger.</param>
internal abstract partial class ApplianceService(string source, string logName, StatusModel status, ILogger logger) : BackgroundService
{
    /// <summary>The status model.</summary>
    protected StatusModel Status => status;

    /// <summary>Runs the service until <paramref name="stoppingToken"/> fires.</summary>
    protected abstract Task RunAsync(CancellationToken stoppingToken);

    /// <inheritdoc/>
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Report(ComponentState.Failed, $"stopped after an unexpected error: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Shows <paramref name="state"/> with <paramref name="detail"/> and logs it (as an error when failed).</summary>
    protected void Report(ComponentState state, string detail)
    {
        status.SetSource(source, state, detail);
        if (state == ComponentState.Failed)
        {
            LogProblem(logger, logName, detail);
        }
        else
        {
            LogState(logger, logName, detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service}: {Detail}")]
    private static partial void LogState(ILogger logger, string service, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service}: {Detail}")]
    private static partial void LogProblem(ILogger logger, string service, string detail);
}
