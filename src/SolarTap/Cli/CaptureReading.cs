using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Cli;

/// <summary>
/// Reads capture files, one after the other, into one TCP reassembler (flows continue across rotated files).
/// Shows progress on a terminal; a file that is not a capture is reported and skipped.
/// </summary>
internal sealed class CaptureReading(CaptureFilter filter, TcpReassembler reassembler, TextWriter diagnostics)
{
    public long Packets { get; private set; }

    public long Segments { get; private set; }

    public long FilteredOut { get; private set; }

    public int BrokenFiles { get; private set; }

    public async Task ReadAllAsync(IReadOnlyList<string> files, CancellationToken cancel)
    {
        long total = files.Sum(f => new FileInfo(f).Length);
        long done = 0;
        foreach (string file in files)
        {
            await ReadOneAsync(file, done, total, cancel).ConfigureAwait(false);
            done += new FileInfo(file).Length;
            if (cancel.IsCancellationRequested)
            {
                break;
            }
        }

        reassembler.Complete();
        if (!diagnostics.Equals(TextWriter.Null) && !Console.IsErrorRedirected && total > 0)
        {
            diagnostics.Write("\r\x1b[K");
        }
    }

    private async Task ReadOneAsync(string file, long before, long total, CancellationToken cancel)
    {
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), filter, reassembler);
        PipeReader input = PipeReader.Create(InputFile.Open(file), new StreamPipeReaderOptions(bufferSize: 256 * 1024));
        var progress = Stopwatch.StartNew();
        long consumed = 0;
        while (!cancel.IsCancellationRequested)
        {
            ReadResult result = await input.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            long length = buffer.Length;
            OperationStatus status = extractor.Process(ref buffer);
            consumed += length - buffer.Length;
            if (status == OperationStatus.InvalidData)
            {
                diagnostics.WriteLine($"solartap: {file}: {extractor.Reader.Error}");
                BrokenFiles++;
                break;
            }

            if (result.IsCompleted)
            {
                if (extractor.Reader.DescribeEndOfInput(buffer.Length) is { } problem)
                {
                    diagnostics.WriteLine($"warning: {file}: {problem}");
                    if (extractor.Reader.Format == CaptureFormat.Unknown)
                    {
                        BrokenFiles++;
                    }
                }

                break;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (progress.ElapsedMilliseconds >= 1000 && !Console.IsErrorRedirected)
            {
                progress.Restart();
                long at = before + consumed;
                diagnostics.Write($"\r\x1b[K{Path.GetFileName(file)}: {100.0 * at / Math.Max(1, total):0}% ({at >> 20} of {total >> 20} MiB), {Packets + extractor.Statistics.Packets:N0} packets");
            }
        }

        await input.CompleteAsync().ConfigureAwait(false);
        Packets += extractor.Statistics.Packets;
        Segments += extractor.Statistics.Segments;
        FilteredOut += extractor.Statistics.FilteredOut;
    }
}
