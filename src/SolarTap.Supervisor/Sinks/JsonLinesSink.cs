using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Protocols.SolarEdge.Semonitor;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Sinks;

/// <summary>
/// Writes every journal entry after its cursor to daily JSON-lines files (<see cref="JsonLinesFiles"/>), in journal
/// order, and moves its cursor only after the lines are fsynced. A write that fails is retried every 30 s from the
/// cursor (lines of a partly written page may then appear twice; none are lost). In the semonitor format
/// (<see cref="JsonLinesOptions.Format"/>) it writes the journal's raw SolarEdge posts instead, one semonitor.py line
/// each (the same writer as <c>solartap decode --format semonitor</c>), at its own post cursor
/// (<see cref="PostCursorName"/>), to <c>semonitor-DAY.jsonl</c> by the post's UTC date.
/// </summary>
public sealed partial class JsonLinesSink(
    SqliteReadingJournal journal, JsonLinesOptions options, StatusModel status, TimeProvider time, ILogger<JsonLinesSink> logger) : BackgroundService
{
    /// <summary>The sink's name in the status and its cursor's name in the journal.</summary>
    public const string Name = "jsonl";

    /// <summary>The journal cursor of the semonitor format: a raw post id.</summary>
    public const string PostCursorName = Name + SqliteReadingJournal.PostCursorSuffix;

    /// <summary>The file name prefix of the semonitor format's daily files.</summary>
    public const string SemonitorPrefix = "semonitor-";

    private const int PageSize = 1000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private readonly ArrayBufferWriter<byte> _line = new(4096);

    /// <summary>The zone of semonitor's Date, Time and event times (as on the machine running semonitor.py); the local zone by default.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;

    private bool Semonitor => options.Format == JsonLinesFormat.Semonitor;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var files = new JsonLinesFiles(options.Directory, options.MaxFileBytes, options.MaxTotalBytes,
            Semonitor ? SemonitorPrefix : JsonLinesFiles.ReadingsPrefix);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await (Semonitor ? DeliverPostsAsync(files, stoppingToken) : DeliverAsync(files, stoppingToken)).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
                {
                    string detail = $"JSON lines: {e.Message}";
                    LogFailed(logger, detail);
                    status.SetSink(Name, ComponentState.Failed, Backlog(), detail);
                    await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        status.SetSink(Name, ComponentState.Stopped, Backlog(), null);
    }

    private async Task DeliverAsync(JsonLinesFiles files, CancellationToken stoppingToken)
    {
        long cursor = journal.GetCursor(Name);
        status.SetSink(Name, ComponentState.Running, Backlog(), options.Directory);
        while (true)
        {
            IReadOnlyList<JournalEntry> page = journal.ReadAfter(cursor, PageSize);
            if (page.Count == 0)
            {
                await journal.WaitForAppendAsync(cursor, stoppingToken).ConfigureAwait(false);
                continue;
            }

            string? file = files.Append(page.Select(e => e.Reading));
            cursor = page[^1].Sequence;
            journal.SetCursor(Name, cursor);
            files.Prune();
            status.SetSink(Name, ComponentState.Running, Backlog(), file, delivered: true);
        }
    }

    private async Task DeliverPostsAsync(JsonLinesFiles files, CancellationToken stoppingToken)
    {
        long cursor = journal.GetCursor(PostCursorName);
        status.SetSink(Name, ComponentState.Running, Backlog(), options.Directory);
        while (true)
        {
            IReadOnlyList<JournalPost> page = journal.ReadPostsAfter(cursor, PageSize);
            if (page.Count == 0)
            {
                await journal.WaitForPostAsync(cursor, stoppingToken).ConfigureAwait(false);
                continue;
            }

            string? file = files.Append(page, p => DateOnly.FromDateTime(p.Time.UtcDateTime), SemonitorLine);
            cursor = page[^1].Id;
            journal.SetCursor(PostCursorName, cursor);
            files.Prune();
            status.SetSink(Name, ComponentState.Running, Backlog(), file, delivered: true);
        }
    }

    private ReadOnlySpan<byte> SemonitorLine(JournalPost post)
    {
        _line.ResetWrittenCount();
        return SemonitorJsonWriter.TryWriteLine(post.Payload, TimeZone, _line) ? _line.WrittenSpan : [];
    }

    private long Backlog()
    {
        try
        {
            return Semonitor
                ? Math.Max(0, journal.LastPostId - journal.GetCursor(PostCursorName))
                : Math.Max(0, journal.LastSequence - journal.GetCursor(Name));
        }
        catch (InvalidOperationException)
        {
            return 0; // the journal is not open
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Detail}; trying again in 30 s")]
    private static partial void LogFailed(ILogger logger, string detail);
}
