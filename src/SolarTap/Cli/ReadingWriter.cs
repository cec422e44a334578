using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Cli;

/// <summary>
/// Formats readings as JSON lines or CSV into large blocks on the caller's thread and writes full blocks to the
/// output on its own task, so decoding and output overlap. Callers may also format straight into the block
/// (<see cref="Reserve"/>, <see cref="Advance"/>): lines keep their order either way. The task flushes whenever it
/// has caught up, so a followed file's lines appear promptly.
/// </summary>
internal sealed class ReadingWriter
{
    private const int BlockSize = 256 * 1024;

    private readonly Channel<(byte[] Block, int Length)> _full =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });

    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly OutputFormat _format;
    private readonly Stream _output;
    private readonly Task _writing;
    private readonly ReadingJsonWriter _json = new();
    private readonly StringBuilder _csv = new();
    private byte[] _block = new byte[BlockSize];
    private int _used;

    public ReadingWriter(OutputFormat format, Stream output)
    {
        _format = format;
        _output = output;
        if (format == OutputFormat.Csv)
        {
            Append(Encoding.UTF8.GetBytes(ReadingCsvWriter.Header));
        }

        _writing = Task.Run(WriteAllAsync);
    }

    /// <summary>Whether lines are JSON (the form <see cref="Reserve"/> callers write).</summary>
    public bool IsJson => _format == OutputFormat.Solartap;

    /// <summary>Formats one post's readings.</summary>
    public void Add(IReadOnlyList<Reading> readings)
    {
        foreach (Reading reading in readings)
        {
            Append(_format == OutputFormat.Csv ? Csv(reading) : _json.Format(reading));
        }
    }

    /// <summary>Room for at least <paramref name="size"/> bytes of lines; say how many were used with <see cref="Advance"/>.</summary>
    public Span<byte> Reserve(int size)
    {
        if (_used + size > _block.Length)
        {
            Push();
            if (size > _block.Length)
            {
                _block = new byte[size];
            }
        }

        return _block.AsSpan(_used);
    }

    /// <summary>Takes <paramref name="count"/> bytes written into the span <see cref="Reserve"/> returned.</summary>
    public void Advance(int count) => _used += count;

    /// <summary>Hands what is formatted to the output task now (for --follow, after each read).</summary>
    public void Push()
    {
        if (_used == 0)
        {
            return;
        }

        (byte[], int) full = (_block, _used);
        if (!_full.Writer.TryWrite(full))
        {
            // The output is behind: wait for room rather than buffer without bound.
            _full.Writer.WriteAsync(full).AsTask().GetAwaiter().GetResult();
        }

        _block = _free.TryDequeue(out byte[]? block) ? block : new byte[BlockSize];
        _used = 0;
    }

    /// <summary>Writes everything formatted and waits until it is in the output.</summary>
    public async Task CompleteAsync()
    {
        Push();
        _full.Writer.Complete();
        await _writing.ConfigureAwait(false);
    }

    private void Append(ReadOnlySpan<byte> line)
    {
        line.CopyTo(Reserve(line.Length));
        _used += line.Length;
    }

    private async Task WriteAllAsync()
    {
        ChannelReader<(byte[] Block, int Length)> reader = _full.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out (byte[] Block, int Length) full))
            {
                await _output.WriteAsync(full.Block.AsMemory(0, full.Length)).ConfigureAwait(false);
                if (full.Block.Length == BlockSize)
                {
                    _free.Enqueue(full.Block);
                }
            }

            await _output.FlushAsync().ConfigureAwait(false);
        }
    }

    private byte[] Csv(Reading reading)
    {
        _csv.Clear();
        ReadingCsvWriter.Append(_csv, reading);
        return Encoding.UTF8.GetBytes(_csv.ToString());
    }
}
