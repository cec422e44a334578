using System.Buffers;
using System.Text;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Protocols.SolarEdge.Semonitor;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// Writes the journal's readings in a time range, in the order they were stored, as solartap JSON lines or CSV
/// (docs/readings.md), or its raw SolarEdge posts in semonitor's format, page by page so memory stays flat. Used by
/// <c>solartap journal export</c> and the web page's downloads.
/// </summary>
public static class JournalExport
{
    private const int PageSize = 2000;

    /// <summary>Writes readings with timestamps in [<paramref name="since"/>, <paramref name="until"/>) to <paramref name="output"/>.</summary>
    /// <param name="journal">An open journal.</param>
    /// <param name="csv">CSV (one row per value, with a header) instead of JSON lines.</param>
    /// <param name="since">First reading time included.</param>
    /// <param name="until">Reading time to stop before.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    /// <returns>How many readings were written.</returns>
    public static async Task<long> WriteAsync(
        SqliteReadingJournal journal, bool csv, DateTimeOffset since, DateTimeOffset until, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(output);
        if (csv)
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes(ReadingCsvWriter.Header), cancellationToken).ConfigureAwait(false);
        }

        var json = new ReadingJsonWriter();
        var text = new StringBuilder();
        var block = new MemoryStream(256 * 1024);
        long after = 0, written = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<JournalEntry> page = journal.ReadRange(since, until, after, PageSize);
            if (page.Count == 0)
            {
                break;
            }

            block.SetLength(0);
            foreach (JournalEntry entry in page)
            {
                Write(entry.Reading, csv, json, text, block);
            }

            await output.WriteAsync(block.GetBuffer().AsMemory(0, (int)block.Length), cancellationToken).ConfigureAwait(false);
            written += page.Count;
            after = page[^1].Sequence;
        }

        return written;
    }

    private static void Write(Reading reading, bool csv, ReadingJsonWriter json, StringBuilder text, MemoryStream block)
    {
        if (!csv)
        {
            block.Write(json.Format(reading));
            return;
        }

        text.Clear();
        ReadingCsvWriter.Append(text, reading);
        block.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// One semonitor line per raw post whose time is in [<paramref name="since"/>, <paramref name="until"/>), in the
    /// order they were stored, page by page. The same writer as <c>decode --format semonitor</c>, so the lines are
    /// byte for byte what decode prints for the same posts.
    /// </summary>
    /// <returns>How many lines were written.</returns>
    public static async Task<long> WriteSemonitorAsync(
        SqliteReadingJournal journal, DateTimeOffset since, DateTimeOffset until, Stream output, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(output);
        var lines = new ArrayBufferWriter<byte>(64 * 1024);
        long after = 0, written = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<JournalPost> page = journal.ReadPostsRange(since, until, after, PageSize / 2);
            if (page.Count == 0)
            {
                break;
            }

            lines.ResetWrittenCount();
            foreach (JournalPost post in page)
            {
                written += SemonitorJsonWriter.TryWriteLine(post.Payload, zone, lines) ? 1 : 0;
            }

            await output.WriteAsync(lines.WrittenMemory, cancellationToken).ConfigureAwait(false);
            after = page[^1].Id;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }
}
