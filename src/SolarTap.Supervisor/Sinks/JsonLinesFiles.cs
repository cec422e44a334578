using System.Globalization;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Supervisor.Sinks;

/// <summary>
/// Daily JSON-lines files in one folder, one reading per line in the solartap JSON format (docs/readings.md), by the
/// reading's own UTC date: <c>readings-2025-06-01.jsonl</c>, continued in <c>readings-2025-06-01.2.jsonl</c>, ... once
/// a file reaches the size cap. The oldest files are deleted while all of them exceed the total cap. With another
/// <c>prefix</c> the same holds for other lines (semonitor's: <c>semonitor-2025-06-01.jsonl</c>).
/// </summary>
internal sealed class JsonLinesFiles(string directory, long maxFileBytes, long maxTotalBytes, string prefix = JsonLinesFiles.ReadingsPrefix)
{
    /// <summary>The file name prefix of the solartap readings files.</summary>
    public const string ReadingsPrefix = "readings-";

    private const string Extension = ".jsonl";
    private readonly ReadingJsonWriter _json = new();

    /// <summary>Gives the line of one item (ending in a newline; empty for none); the span may be reused by the next call.</summary>
    public delegate ReadOnlySpan<byte> LineFormatter<in T>(T item);

    private string Prefix { get; } = prefix;

    /// <summary>The folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Appends the readings to their days' files and fsyncs every file it touched. Gives the last file written.</summary>
    /// <exception cref="IOException">A file could not be written.</exception>
    public string? Append(IEnumerable<Reading> readings) =>
        Append(readings, r => DateOnly.FromDateTime(r.Timestamp.UtcDateTime), _json.Format);

    /// <summary>
    /// Appends the line of each item to the file of its <paramref name="day"/> and fsyncs every file it touched. Gives
    /// the last file written.
    /// </summary>
    /// <exception cref="IOException">A file could not be written.</exception>
    public string? Append<T>(IEnumerable<T> items, Func<T, DateOnly> day, LineFormatter<T> line)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var open = new Dictionary<DateOnly, (FileStream Stream, int Part)>();
        string? last = null;
        try
        {
            foreach (T item in items)
            {
                ReadOnlySpan<byte> text = line(item);
                if (text.IsEmpty)
                {
                    continue;
                }

                DateOnly date = day(item);
                if (!open.TryGetValue(date, out (FileStream Stream, int Part) file))
                {
                    file = OpenLastPart(date);
                }

                if (file.Stream.Length > 0 && file.Stream.Length + text.Length > maxFileBytes)
                {
                    Close(file.Stream);
                    file = (Open(PathOf(date, file.Part + 1)), file.Part + 1);
                }

                open[date] = file;
                file.Stream.Write(text);
                last = file.Stream.Name;
            }
        }
        finally
        {
            foreach ((FileStream stream, _) in open.Values)
            {
                Close(stream);
            }
        }

        return last;
    }

    /// <summary>Deletes the oldest files while all together are larger than the total cap; the newest file always stays.</summary>
    public int Prune()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        List<(DateOnly Day, int Part, FileInfo File)> files = [.. new DirectoryInfo(Directory).EnumerateFiles($"{Prefix}*{Extension}")
            .Select(f => TryParse(f.Name, out DateOnly day, out int part) ? (day, part, f) : default)
            .Where(x => x.f is not null)
            .OrderBy(x => x.day).ThenBy(x => x.part)];
        long total = files.Sum(f => f.File.Length);
        int deleted = 0;
        for (int i = 0; i < files.Count - 1 && total > maxTotalBytes; i++)
        {
            total -= files[i].File.Length;
            files[i].File.Delete();
            deleted++;
        }

        return deleted;
    }

    /// <summary>The file of part <paramref name="part"/> (1 = the first) of <paramref name="day"/>.</summary>
    public string PathOf(DateOnly day, int part) => Path.Combine(Directory,
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{day:yyyy-MM-dd}{(part == 1 ? "" : $".{part}")}{Extension}"));

    private (FileStream, int) OpenLastPart(DateOnly day)
    {
        int part = 1;
        while (File.Exists(PathOf(day, part + 1)))
        {
            part++;
        }

        return (Open(PathOf(day, part)), part);
    }

    private static FileStream Open(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024);
        return stream;
    }

    private static void Close(FileStream stream)
    {
        stream.Flush(flushToDisk: true);
        stream.Dispose();
    }

    private bool TryParse(string name, out DateOnly day, out int part)
    {
        part = 1;
        string middle = name[Prefix.Length..^Extension.Length];
        if (middle.Length > 10)
        {
            if (middle[10] != '.' || !int.TryParse(middle[11..], NumberStyles.None, CultureInfo.InvariantCulture, out part))
            {
                day = default;
                return false;
            }
        }

        return DateOnly.TryParseExact(middle[..Math.Min(10, middle.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
