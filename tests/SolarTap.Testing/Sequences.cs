using System.Buffers;

namespace SolarTap.Testing;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/>s so decoders are tested across segment borders.</summary>
public static class Sequences
{
    /// <summary>A sequence of <paramref name="data"/> cut at each of <paramref name="cuts"/> (positions, any order).</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, params int[] cuts)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] points = cuts.Where(c => c > 0 && c < data.Length).Distinct().Order().Append(data.Length).ToArray();
        if (points.Length == 1)
        {
            return new ReadOnlySequence<byte>(data);
        }

        Segment first = new(data.AsMemory(0, points[0]), 0);
        Segment last = first;
        for (int i = 1; i < points.Length; i++)
        {
            last = last.Append(data.AsMemory(points[i - 1], points[i] - points[i - 1]));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
