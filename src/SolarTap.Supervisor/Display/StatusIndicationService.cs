using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Devices.Gpio;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Display;

/// <summary>
/// Shows the status model on the LEDs and the OLED (issue 7 §1, §2; docs/status.md). Runs in every supervisor,
/// also with a configuration error, which is exactly when the error LED and the problem page matter. Updates on
/// every status change and once a second (pages cycle, ages grow), and at once on a button press. A device that is
/// missing or fails is shown as a failed "leds" or "oled" component (error LED, problem page, web, <c>solartap
/// status</c>); the service carries on without it and never stops the supervisor.
/// </summary>
internal sealed partial class StatusIndicationService(
    StatusModel status,
    SupervisorOptions options,
    TimeProvider time,
    ILoggerFactory loggers,
    IServiceProvider services,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>Status-model component names.</summary>
    public const string LedsSource = "leds", OledSource = "oled";

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDisplay = TimeSpan.FromSeconds(30);
    private const int JournalPage = 500;

    private readonly ILogger _logger = loggers.CreateLogger<StatusIndicationService>();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Open the devices once every service has started: the start stays as quick as without them, and the
        // kernel's heartbeat trigger from config.txt already shows that the Pi is booting.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        StatusDevices devices;
        try
        {
            devices = StatusDevices.Open(options.Leds, options.Oled, time, loggers);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            status.SetSource(OledSource, ComponentState.Failed, $"status devices could not be opened: {e.Message}");
            return;
        }

        using (devices)
        {
            try
            {
                await RunAsync(devices, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never the host's end (it stops on an unhandled exception): the status surfaces say it instead.
                status.SetSource(OledSource, ComponentState.Failed, $"LEDs and OLED stopped after an unexpected error: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private async Task RunAsync(StatusDevices devices, CancellationToken stoppingToken)
    {
        ReportDevices(devices);
        if (devices.Leds is null && devices.Display is null)
        {
            return; // nothing to drive (a PC, or no status hardware configured)
        }

        var presenter = devices.Display is { } display
            ? new Devices.Oled.OledPresenter(display, new Protocols.Display.OledScheduler(options.Oled.ToSchedule(), LocalNow()))
            : null;
        var indicator = new StatusIndicator(devices.Leds, presenter, options.Oled.PngFile);
        var values = new SiteValues(time.LocalTimeZone);
        var facts = new ApplianceFacts(status.Snapshot().Started, ApplianceFacts.DefaultThermalZone);
        // Only the OLED shows values; a configuration error leaves no journal.
        SqliteReadingJournal? journal = presenter is null ? null : services.GetService(typeof(SqliteReadingJournal)) as SqliteReadingJournal;
        long cursor = -1;
        DateTimeOffset? displayFailedAt = null;
        int presses = 0;
        string? pngProblem = null;

        void OnChanged(object? sender, EventArgs e) => _wake.Writer.TryWrite(false);
        status.Changed += OnChanged;

        // The web page's live setting (docs/web-api.md): the page interval from now on, until a restart.
        var live = services.GetService(typeof(Web.LiveSettings)) as Web.LiveSettings;
        TimeSpan? requestedInterval = null;
        void OnSettings(object? sender, EventArgs e)
        {
            requestedInterval = live!.DisplayPageInterval;
            _wake.Writer.TryWrite(false);
        }

        if (live is not null)
        {
            live.Changed += OnSettings;
        }

        using ITimer timer = time.CreateTimer(_ => _wake.Writer.TryWrite(false), null, Tick, Tick);
        using ButtonWatcher? watcher = devices.Button is { } button
            ? new ButtonWatcher(
                button,
                () =>
                {
                    Interlocked.Increment(ref presses);
                    _wake.Writer.TryWrite(true);
                },
                e => status.SetSource(OledSource, ComponentState.Failed, $"page button {button.Name}: {e.Message}"),
                loggers.CreateLogger<ButtonWatcher>())
            : null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DateTimeOffset local = LocalNow();
                if (Interlocked.Exchange(ref presses, 0) > 0)
                {
                    indicator.ButtonPressed(local);
                }

                if (requestedInterval is { } interval)
                {
                    requestedInterval = null;
                    presenter?.SetPageInterval(interval);
                }

                cursor = ReadJournal(journal, values, cursor);
                if (displayFailedAt is { } failed && time.GetUtcNow() - failed >= RetryDisplay)
                {
                    displayFailedAt = devices.Reinitialise(out _) ? null : time.GetUtcNow();
                    if (displayFailedAt is null)
                    {
                        indicator.OledSuspended = false;
                        ReportDevices(devices);
                    }
                }

                try
                {
                    indicator.Refresh(status.Snapshot(), values, facts.Read(time.GetUtcNow()), local);
                    if (indicator.PngProblem != pngProblem)
                    {
                        pngProblem = indicator.PngProblem;
                        if (pngProblem is null)
                        {
                            ReportDevices(devices);
                        }
                        else
                        {
                            status.SetSource(OledSource, ComponentState.Failed, pngProblem);
                        }
                    }
                }
                catch (IOException e)
                {
                    // The LEDs are already updated; the display rests until it can be initialised again.
                    status.SetSource(OledSource, ComponentState.Failed, e.Message);
                    indicator.OledSuspended = true;
                    displayFailedAt = time.GetUtcNow();
                }

                await _wake.Reader.ReadAsync(stoppingToken).ConfigureAwait(false);
                while (_wake.Reader.TryRead(out _))
                {
                    // one refresh for a burst of changes
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            status.Changed -= OnChanged;
            if (live is not null)
            {
                live.Changed -= OnSettings;
            }

            indicator.AllOff();
            if (devices.Display is { IsOn: true } shown)
            {
                try
                {
                    shown.Off();
                }
                catch (IOException)
                {
                    // shutting down: the display stays as it was
                }
            }
        }
    }

    private void ReportDevices(StatusDevices devices)
    {
        if (devices.LedProblems.Count > 0)
        {
            status.SetSource(LedsSource, ComponentState.Failed, string.Join("; ", devices.LedProblems));
        }
        else if (devices.Leds is not null)
        {
            status.SetSource(LedsSource, ComponentState.Running, devices.LedSummary);
        }

        if (devices.OledProblems.Count > 0)
        {
            status.SetSource(OledSource, ComponentState.Failed, string.Join("; ", devices.OledProblems));
        }
        else if (devices.Display is not null)
        {
            status.SetSource(OledSource, ComponentState.Running, devices.DisplaySummary + (devices.Button is { } b ? $", page button {b.Name}" : ""));
        }
    }

    /// <summary>Feeds readings stored since the last call (at the first call: those of today) to <paramref name="values"/>.</summary>
    private long ReadJournal(SqliteReadingJournal? journal, SiteValues values, long cursor)
    {
        if (journal is null)
        {
            return cursor;
        }

        try
        {
            if (cursor < 0)
            {
                DateTimeOffset local = LocalNow();
                DateTimeOffset midnight = new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
                cursor = 0;
                for (IReadOnlyList<JournalEntry> page; (page = journal.ReadRange(midnight, DateTimeOffset.MaxValue, cursor, JournalPage)).Count > 0;)
                {
                    cursor = Observe(values, page);
                }

                return cursor;
            }

            for (int pages = 0; pages < 20; pages++)
            {
                IReadOnlyList<JournalEntry> page = journal.ReadAfter(cursor, JournalPage);
                if (page.Count == 0)
                {
                    break;
                }

                cursor = Observe(values, page);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            LogJournalUnreadable(_logger, e);
        }

        return cursor;
    }

    private static long Observe(SiteValues values, IReadOnlyList<JournalEntry> page)
    {
        foreach (JournalEntry entry in page)
        {
            values.Observe(entry.Reading);
        }

        return page[^1].Sequence;
    }

    private DateTimeOffset LocalNow() => TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OLED's values could not be read from the journal; it shows what it has")]
    private static partial void LogJournalUnreadable(ILogger logger, Exception exception);
}
