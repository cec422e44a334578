using System.Globalization;
using Microsoft.AspNetCore.Http;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.Web;

internal sealed partial class WebEndpoints
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);

    private Task HistoryAsync(HttpContext context)
    {
        string? serial = context.Request.Query["serial"];
        if (string.IsNullOrEmpty(serial))
        {
            return MessageAsync(context, StatusCodes.Status400BadRequest, "Name the inverter: /api/history?serial=SERIAL.");
        }

        int hours = 24;
        string? hoursText = context.Request.Query["hours"];
        if (hoursText is not null && (!int.TryParse(hoursText, NumberStyles.None, CultureInfo.InvariantCulture, out hours) || hours is < 1 or > 168))
        {
            return MessageAsync(context, StatusCodes.Status400BadRequest, "hours: expected a whole number from 1 to 168.");
        }

        if (tracker.Journal is not { } journal)
        {
            return MessageAsync(context, StatusCodes.Status503ServiceUnavailable, "The journal is not open (see the status).");
        }

        // The window ends now, or at the newest reading when the inverter's clock is ahead (the demo's runs 60 times faster).
        DateTimeOffset until = time.GetUtcNow();
        SiteDevice? newest = tracker.All().FirstOrDefault(d => d.Kind == "inverter" && d.Serial == serial);
        if (newest is not null && newest.Time >= until)
        {
            until = newest.Time + TimeSpan.FromSeconds(1);
        }

        DateTimeOffset since = until - TimeSpan.FromHours(hours);
        IReadOnlyList<Reading> readings;
        try
        {
            readings = journal.ReadDevice(DeviceKind.Inverter, serial, since, until, 100_000);
        }
        catch (InvalidOperationException)
        {
            return MessageAsync(context, StatusCodes.Status503ServiceUnavailable, "The journal is not open (see the status).");
        }

        return WriteJsonAsync(context, new PowerHistory(serial, since, until, Buckets(readings)), WebJsonContext.Default.PowerHistory);
    }

    /// <summary>Five-minute means of AC power (the total, or the sum of the phases when there is no total).</summary>
    internal static IReadOnlyList<PowerPoint> Buckets(IReadOnlyList<Reading> readings)
    {
        var points = new List<PowerPoint>();
        long current = long.MinValue;
        double sum = 0;
        int count = 0;
        foreach (Reading reading in readings)
        {
            double? power = AcPower(reading);
            if (power is not double watts)
            {
                continue;
            }

            long bucket = reading.Timestamp.UtcTicks / Bucket.Ticks;
            if (bucket != current && count > 0)
            {
                points.Add(new PowerPoint(new DateTimeOffset(current * Bucket.Ticks, TimeSpan.Zero), Math.Round(sum / count, 1)));
                sum = 0;
                count = 0;
            }

            current = bucket;
            sum += watts;
            count++;
        }

        if (count > 0)
        {
            points.Add(new PowerPoint(new DateTimeOffset(current * Bucket.Ticks, TimeSpan.Zero), Math.Round(sum / count, 1)));
        }

        return points;
    }

    private static double? AcPower(Reading reading)
    {
        if (reading.Get(Quantity.AcPower) is double total && double.IsFinite(total))
        {
            return total;
        }

        double sum = 0;
        bool any = false;
        foreach (Measurement m in reading.Values)
        {
            if (m.Quantity == Quantity.AcPower && double.IsFinite(m.Value))
            {
                sum += m.Value;
                any = true;
            }
        }

        return any ? sum : null;
    }

    private Task DiagnosticsAsync(HttpContext context)
    {
        JournalStats? stats = null;
        string? problem = null;
        if (tracker.Journal is { } journal)
        {
            try
            {
                stats = journal.GetStats();
            }
            catch (InvalidOperationException e)
            {
                problem = e.Message;
            }
        }
        else
        {
            problem = "The journal is not in use: the configuration has errors.";
        }

        string? sessions = options.SolarEdge.Mode == Configuration.SolarEdgeMode.Off
            ? null
            : Path.Combine(Path.GetDirectoryName(options.Journal.Path) ?? "/", SolarEdge.SolarEdgeSessions.FileName);
        return WriteJsonAsync(context, new DiagnosticsView(status.DnsNames(), stats, problem, sessions), WebJsonContext.Default.DiagnosticsView);
    }

    private async Task ExportAsync(HttpContext context)
    {
        string format = context.Request.Query["format"].FirstOrDefault() ?? "jsonl";
        if (format is not ("jsonl" or "csv" or "semonitor"))
        {
            await MessageAsync(context, StatusCodes.Status400BadRequest, $"format: expected jsonl, csv or semonitor, found \"{format}\".").ConfigureAwait(false);
            return;
        }

        if (!TryTime(context, "since", DateTimeOffset.UnixEpoch, out DateTimeOffset since, out string? error)
            || !TryTime(context, "until", DateTimeOffset.MaxValue.AddYears(-1), out DateTimeOffset until, out error))
        {
            await MessageAsync(context, StatusCodes.Status400BadRequest, error!).ConfigureAwait(false);
            return;
        }

        if (tracker.Journal is not { } journal)
        {
            await MessageAsync(context, StatusCodes.Status503ServiceUnavailable, "The journal is not open (see the status).").ConfigureAwait(false);
            return;
        }

        bool csv = format == "csv";
        context.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (format == "semonitor")
        {
            // semonitor's lines carry local times, as 'solartap journal export --format semonitor' writes them.
            context.Response.Headers.ContentDisposition = "attachment; filename=\"solartap-posts.semonitor.jsonl\"";
            await JournalExport.WriteSemonitorAsync(journal, since, until, context.Response.Body, TimeZoneInfo.Local, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"solartap-readings.{format}\"";
        await JournalExport.WriteAsync(journal, csv, since, until, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool TryTime(HttpContext context, string name, DateTimeOffset fallback, out DateTimeOffset value, out string? error)
    {
        value = fallback;
        error = null;
        string? text = context.Request.Query[name];
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        error = $"{name}: expected a time such as 2025-06-01 or 2025-06-01T12:00:00Z, found \"{text}\".";
        return false;
    }
}
