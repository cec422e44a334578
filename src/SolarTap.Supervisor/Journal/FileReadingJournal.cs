using System.Buffers;
using Microsoft.Win32.SafeHandles;
using SolarTap.Protocols.Readings;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// An append-only file of readings, one JSON line each (<see cref="JournalLineCodec"/>). Each batch is written with
/// one write and made durable with fsync before <see cref="AppendAsync"/> returns. On <see cref="Open"/>, a torn
/// last line (no '\n': the process or the power died during a write) is cut off, so the file again ends with a
/// complete line. One writer per file: a second supervisor on the same file is refused.
/// </summary>
/// <remarks>
/// Later (the journal issue): SQLite storage, per-sink cursors, dropping duplicates by (device, timestamp).
/// The creation of a new file is not followed by an fsync of its directory.
/// </remarks>
public sealed class FileReadingJournal : IReadingJournal, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private SafeFileHandle? _handle;
    private long _length;

    /// <summary>A journal at <paramref name="path"/>; nothing is touched until <see cref="Open"/>.</summary>
    public FileReadingJournal(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>Bytes of complete lines in the file.</summary>
    public long Length => Volatile.Read(ref _length);

    /// <summary>Bytes of a torn last line cut off by <see cref="Open"/> (0 when the file ended cleanly).</summary>
    public long RepairedBytes { get; private set; }

    /// <summary>
    /// Opens (creating the file and its folder if needed) and cuts off a torn last line. Idempotent.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or repaired, or another process has it open for writing.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission for the file or its folder.</exception>
    public void Open()
    {
        if (_handle is not null)
        {
            return;
        }

        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // FileShare.None takes an exclusive advisory lock (flock) on Unix: one writer per journal.
        SafeFileHandle handle = File.OpenHandle(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            long length = RandomAccess.GetLength(handle);
            long complete = EndOfLastCompleteLine(handle, length);
            if (complete != length)
            {
                RandomAccess.SetLength(handle, complete);
                RandomAccess.FlushToDisk(handle);
                RepairedBytes = length - complete;
            }

            _length = complete;
            _handle = handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask AppendAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        SafeFileHandle handle = _handle ?? throw new InvalidOperationException($"The journal {Path} is not open.");
        if (batch.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _buffer.ResetWrittenCount();
            foreach (Reading reading in batch)
            {
                JournalLineCodec.Write(_buffer, reading);
            }

            long at = _length;
            try
            {
                await RandomAccess.WriteAsync(handle, _buffer.WrittenMemory, at, CancellationToken.None).ConfigureAwait(false);
                RandomAccess.FlushToDisk(handle);
            }
            catch (IOException)
            {
                // A short write (disk full) would leave a torn line for the next batch to follow: take it back.
                TryTruncate(handle, at);
                throw;
            }

            Volatile.Write(ref _length, at + _buffer.WrittenCount);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The readings from byte offset <paramref name="from"/> (a previous entry's <see cref="JournalEntry.Next"/>, or 0)
    /// up to what was durable when the call started. Lines that do not parse are skipped and counted in
    /// <paramref name="skipped"/>.
    /// </summary>
    public IReadOnlyList<JournalEntry> Read(long from, out int skipped)
    {
        SafeFileHandle handle = _handle ?? throw new InvalidOperationException($"The journal {Path} is not open.");
        long end = Length;
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, end);
        var entries = new List<JournalEntry>();
        skipped = 0;
        byte[] data = new byte[checked((int)(end - from))];
        int read = 0;
        while (read < data.Length)
        {
            int n = RandomAccess.Read(handle, data.AsSpan(read), from + read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        int start = 0;
        for (int newline; (newline = data.AsSpan(start, read - start).IndexOf((byte)'\n')) >= 0; start += newline + 1)
        {
            if (JournalLineCodec.TryRead(data.AsSpan(start, newline), out Reading? reading))
            {
                entries.Add(new JournalEntry(from + start, from + start + newline + 1, reading!));
            }
            else
            {
                skipped++;
            }
        }

        return entries;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
        _gate.Dispose();
    }

    /// <summary>Offset just after the last '\n' (0 if there is none): everything after it is a torn line.</summary>
    private static long EndOfLastCompleteLine(SafeFileHandle handle, long length)
    {
        byte[] chunk = new byte[64 * 1024];
        for (long end = length; end > 0;)
        {
            int size = (int)Math.Min(chunk.Length, end);
            long start = end - size;
            int n = RandomAccess.Read(handle, chunk.AsSpan(0, size), start);
            int newline = chunk.AsSpan(0, n).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                return start + newline + 1;
            }

            end = start;
        }

        return 0;
    }

    private static void TryTruncate(SafeFileHandle handle, long length)
    {
        try
        {
            RandomAccess.SetLength(handle, length);
        }
        catch (IOException)
        {
            // Open() cuts a torn line off on the next start.
        }
    }
}
