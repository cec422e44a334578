using System.Buffers;
using System.IO.Pipelines;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Cli;

/// <summary>Feeds a pipe of raw SolarEdge bytes through a stream decoder until the pipe completes; <c>flush</c> runs after each read.</summary>
internal static class StreamDecoding
{
    public static async Task RunAsync(PipeReader input, SolarEdgeStreamDecoder decoder, Func<Task> flush, TimeProvider clock)
    {
        while (true)
        {
            ReadResult result = await input.ReadAsync().ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            decoder.Decode(ref buffer, clock.GetUtcNow());
            if (result.IsCompleted)
            {
                decoder.Complete(ref buffer, clock.GetUtcNow());
                input.AdvanceTo(buffer.End);
                break;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            await flush().ConfigureAwait(false);
        }

        await input.CompleteAsync().ConfigureAwait(false);
    }
}
