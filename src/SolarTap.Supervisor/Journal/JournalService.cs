using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Journal;

/// <summary>Opens the journal at start (repairing a torn last line) and closes it at shutdown. A journal that cannot be opened is a fault, not a crash.</summary>
internal sealed partial class JournalService(FileReadingJournal journal, StatusModel status, ILogger<JournalService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            journal.Open();
            LogOpened(logger, journal.Path, journal.Length);
            if (journal.RepairedBytes > 0)
            {
                LogRepaired(logger, journal.RepairedBytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string message = $"journal: cannot open {journal.Path}: {e.Message}";
            LogFailed(logger, message);
            status.ReportFault(message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        journal.Dispose();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal: {Path} ({Bytes} bytes)")]
    private static partial void LogOpened(ILogger logger, string path, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal: cut off a torn last line of {Bytes} bytes (the previous run stopped during a write).")]
    private static partial void LogRepaired(ILogger logger, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
