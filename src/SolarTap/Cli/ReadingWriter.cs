using System.Text;
using System.Threading.Channels;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Cli;

/// <summary>
/// Formats readings as JSON lines or CSV on its own task, so decoding and formatting run on two cores. Readings
/// arrive in batches (each a post's immutable list); the task writes them in large blocks and flushes whenever it
/// has caught up, so a followed file's lines appear promptly.
/// </summary>
internal sealed class ReadingWriter
{
    private const int PostsPerBatch = 16;
    private const int BlockSize = 256 * 1024;

    private readonly Channel<List<IReadOnlyList<Reading>>> _batches =
        Channel.CreateBounded<List<IReadOnlyList<Reading>>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });

    private readonly OutputFormat _format;
    private readonly Stream _output;
    private readonly Task _writing;
    private List<IReadOnlyList<Reading>> _pending = new(PostsPerBatch);

    public ReadingWriter(OutputFormat format, Stream output)
    {
        _format = format;
        _output = output;
        if (format == OutputFormat.Csv)
        {
            _output.Write(Encoding.UTF8.GetBytes(ReadingCsvWriter.Header));
        }

        _writing = Task.Run(WriteAllAsync);
    }

    /// <summary>Queues one post's readings (the list must not change afterwards).</summary>
    public void Add(IReadOnlyList<Reading> readings)
    {
        _pending.Add(readings);
        if (_pending.Count >= PostsPerBatch)
        {
            Push();
        }
    }

    /// <summary>Hands what is queued to the writer now (for --follow, after each read).</summary>
    public void Push()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        List<IReadOnlyList<Reading>> batch = _pending;
        _pending = new List<IReadOnlyList<Reading>>(PostsPerBatch);
        if (!_batches.Writer.TryWrite(batch))
        {
            // The writer is behind: wait for room rather than buffer without bound.
            _batches.Writer.WriteAsync(batch).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Writes everything queued and waits until it is in the output.</summary>
    public async Task CompleteAsync()
    {
        Push();
        _batches.Writer.Complete();
        await _writing.ConfigureAwait(false);
    }

    private async Task WriteAllAsync()
    {
        var json = new ReadingJsonWriter();
        var csv = new StringBuilder();
        var block = new byte[BlockSize];
        ChannelReader<List<IReadOnlyList<Reading>>> reader = _batches.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            int used = 0;
            while (reader.TryRead(out List<IReadOnlyList<Reading>>? batch))
            {
                used = Write(batch, json, csv, block, used);
            }

            _output.Write(block, 0, used);
            await _output.FlushAsync().ConfigureAwait(false);
        }
    }

    // Formats a batch into block, writing the block out whenever the next line would not fit.
    private int Write(List<IReadOnlyList<Reading>> batch, ReadingJsonWriter json, StringBuilder csv, byte[] block, int used)
    {
        foreach (IReadOnlyList<Reading> readings in batch)
        {
            foreach (Reading reading in readings)
            {
                ReadOnlySpan<byte> line = _format == OutputFormat.Csv ? Csv(csv, reading) : json.Format(reading);
                if (used + line.Length > block.Length)
                {
                    _output.Write(block, 0, used);
                    used = 0;
                }

                if (line.Length > block.Length)
                {
                    _output.Write(line);
                    continue;
                }

                line.CopyTo(block.AsSpan(used));
                used += line.Length;
            }
        }

        return used;
    }

    private static byte[] Csv(StringBuilder csv, Reading reading)
    {
        csv.Clear();
        ReadingCsvWriter.Append(csv, reading);
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
