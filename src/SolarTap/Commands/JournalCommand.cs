using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using SolarTap.Cli;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge.Semonitor;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Commands;

/// <summary><c>solartap journal stats|export</c>: looks into the appliance's journal (docs/journal.md).</summary>
internal static class JournalCommand
{
    public static Command Create()
    {
        var command = new Command("journal", "Look into the appliance's journal of readings: statistics, and export by time range.")
        {
            Stats(), Export(), JournalWriteTest.Create(),
        };
        return command;
    }

    /// <summary>--journal PATH, default journal.path from the configuration file.</summary>
    internal static Option<string?> PathOption() => new("--journal", "-j")
    {
        Description = "The journal database. Default: journal.path from the configuration file, else /var/lib/solartap/journal.db.",
    };

    /// <summary>Opens the journal at <paramref name="path"/> (or the configured one); a missing file is a user error.</summary>
    internal static SqliteReadingJournal Open(string? path)
    {
        path ??= ConfigLoader.Load(null).Options.Journal.Path;
        if (!File.Exists(path))
        {
            throw new UserError($"no journal at {path}");
        }

        var journal = new SqliteReadingJournal(path);
        try
        {
            journal.Open();
            return journal;
        }
        catch (IOException e)
        {
            journal.Dispose();
            throw new UserError($"cannot open the journal: {e.Message}", e);
        }
    }

    private static Command Stats()
    {
        Option<string?> path = PathOption();
        var command = new Command("stats", "Print how many readings and devices the journal holds, the time span, the space used and each sink's backlog.")
        {
            path,
        };
        command.SetAction(parse =>
        {
            using SqliteReadingJournal journal = Open(parse.GetValue(path));
            Console.Write(Format(journal.GetStats()));
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        Option<string?> path = PathOption();
        var since = new Option<DateTimeOffset?>("--since")
        {
            Description = "First reading time to include, e.g. 2025-06-01 or 2025-06-01T12:00:00Z (UTC unless an offset is given). Default: the oldest.",
            CustomParser = r => ParseTime(r.Tokens[0].Value),
        };
        var until = new Option<DateTimeOffset?>("--until")
        {
            Description = "Reading time to stop before (not included). Default: no end.",
            CustomParser = r => ParseTime(r.Tokens[0].Value),
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "jsonl (solartap JSON lines, one reading each with units), csv (one row per value), or semonitor " +
                "(semonitor.py's JSON, one line per SolarEdge post kept, times in the local time zone like 'decode --format semonitor').",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv", "semonitor");
        var command = new Command("export",
            "Write the journal's readings (or, for semonitor, its SolarEdge posts) in a time range to standard output, in the order they were stored.")
        {
            path, since, until, format,
        };
        command.SetAction(async (parse, cancel) =>
        {
            string chosen = parse.GetValue(format)!;
            using SqliteReadingJournal journal = Open(parse.GetValue(path));
            DateTimeOffset from = parse.GetValue(since) ?? DateTimeOffset.UnixEpoch;
            DateTimeOffset to = parse.GetValue(until) ?? DateTimeOffset.MaxValue.AddYears(-1);
            using Stream output = Console.OpenStandardOutput();
            if (chosen == "semonitor")
            {
                await JournalExport.WriteSemonitorAsync(journal, from, to, output, TimeZoneInfo.Local, cancel);
                return 0;
            }

            var writer = new ReadingWriter(chosen == "csv" ? OutputFormat.Csv : OutputFormat.Solartap, output);
            long after = 0;
            while (!cancel.IsCancellationRequested)
            {
                IReadOnlyList<JournalEntry> page = journal.ReadRange(from, to, after, 5000);
                if (page.Count == 0)
                {
                    break;
                }

                writer.Add([.. page.Select(e => e.Reading)]);
                after = page[^1].Sequence;
            }

            await writer.CompleteAsync();
            return 0;
        });
        return command;
    }

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time)
            ? time
            : throw new UserError($"'{text}' is not a time: use 2025-06-01 or 2025-06-01T12:00:00Z");

    /// <summary>The statistics as text for a person.</summary>
    internal static string Format(JournalStats s)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"journal: {s.Path}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  readings: {s.Readings} (last sequence {s.LastSequence})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  devices: {s.Devices}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  from: {Time(s.First)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  to: {Time(s.Last)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  space used: {s.UsedBytes / (1024.0 * 1024):0.0} MB");
        text.AppendLine(CultureInfo.InvariantCulture, $"  undecodable frames kept: {s.UnknownFrames}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  raw posts kept: {s.Posts}");
        if (s.Cursors.Count == 0)
        {
            text.AppendLine("sinks: none");
        }
        else
        {
            text.AppendLine("sinks:");
            foreach (JournalSinkCursor cursor in s.Cursors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {cursor.Sink}: delivered up to {cursor.Sequence}, backlog {cursor.Backlog}");
            }
        }

        return text.ToString();
    }

    private static string Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";
}
