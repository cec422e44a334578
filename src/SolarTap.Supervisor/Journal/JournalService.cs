using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// Opens the journal at start, applies retention (age and size) a minute after start and then every hour, and closes
/// the journal at shutdown. A journal that cannot be opened is a fault, not a crash.
/// </summary>
internal sealed partial class JournalService(
    SqliteReadingJournal journal, JournalOptions options, StatusModel status, TimeProvider time, ILogger<JournalService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstPrune = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            journal.UnknownFramesLimit = options.UnknownFrames;
            journal.Open();
            LogOpened(logger, journal.Path, journal.LastSequence);
            _timer = time.CreateTimer(_ => Prune(), null, FirstPrune, PruneInterval);
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
        _timer?.Dispose();
        _timer = null;
        journal.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>One retention pass; a failure is logged and the next pass tries again.</summary>
    internal void Prune()
    {
        try
        {
            long deleted = journal.Prune(options.MaxAge, options.MaxSizeBytes);
            if (deleted > 0)
            {
                LogPruned(logger, deleted);
            }
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            LogPruneFailed(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal: {Path} (last sequence {Sequence})")]
    private static partial void LogOpened(ILogger logger, string path, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal: retention deleted {Count} readings.")]
    private static partial void LogPruned(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal: retention failed: {Message}")]
    private static partial void LogPruneFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
