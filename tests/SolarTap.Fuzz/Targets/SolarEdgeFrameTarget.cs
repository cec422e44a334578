using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>The SolarEdge stream framer, fed in two segments, drained to the end.</summary>
internal sealed class SolarEdgeFrameTarget : IFuzzTarget
{
    public string Name => "solaredge-frame";

    public IEnumerable<byte[]> Seeds() => Directory
        .EnumerateFiles(Path.Combine(TestData.SharedTestData, "solaredge"), "*.bin")
        .Select(File.ReadAllBytes);

    public void Run(byte[] input)
    {
        var reader = new SolarEdgeFrameReader(maxPayloadLength: 1024);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 2);
        long length = buffer.Length;
        while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done || reader.AbandonCandidate(ref buffer))
        {
            if (frame.Payload.Length > length)
            {
                throw new InvalidOperationException("A frame claims more bytes than the input had.");
            }
        }

        if (!buffer.IsEmpty)
        {
            throw new InvalidOperationException("The framer left bytes after end of input.");
        }
    }
}
