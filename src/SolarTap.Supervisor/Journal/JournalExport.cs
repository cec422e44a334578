using System.Text;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// Writes the journal's readings in a time range, in the order they were stored, as solartap JSON lines or CSV
/// (docs/readings.md), page by page so memory stays flat. Used by the web page's downloads.
/// </summary>
public static class JournalExport
{
    /// <summary>Why the journal cannot give semonitor's format.</summary>
    public const string SemonitorUnsupported =
        "semonitor export is not supported: the journal keeps decoded readings, not the raw 0x0500 posts semonitor's format " +
        "is made of. Use --format jsonl or csv, or 'solartap decode --format semonitor' on a capture.";

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
}
