using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Net;

public class TcpReassemblerPropertyTests
{
    private static readonly TcpFlowKey Flow = new(InetAddress.Parse("192.0.2.10"), 3051, InetAddress.Parse("198.51.100.20"), 22222);

    /// <summary>
    /// Any stream, cut into random segments that are then reordered within a window, duplicated and partially
    /// overlapped (extra segments covering random sub-ranges), starting at a random ISN (often near 2^32), comes out
    /// exactly, without gaps, and ends with the FIN.
    /// </summary>
    [Fact]
    public void Process_CutReorderedDuplicatedOverlappedStream_ReassemblesExactly()
    {
        Gen<(int Seed, int Length, bool NearWrap)> scenario =
            from seed in ArbMap.Default.GeneratorFor<int>()
            from length in Gen.Choose(0, 5000)
            from nearWrap in ArbMap.Default.GeneratorFor<bool>()
            select (seed, length, nearWrap);
        Prop.ForAll(scenario.ToArbitrary(), s => Reassembles(s.Seed, s.Length, s.NearWrap))
            .Check(Properties.Pinned(0x5EED_0101, tests: 400));
    }

    private static bool Reassembles(int seed, int length, bool nearWrap)
    {
        var random = new Random(seed);
        var stream = new byte[length];
        random.NextBytes(stream);
        uint isn = nearWrap ? uint.MaxValue - (uint)random.Next(0, 3 * length + 2) : (uint)random.NextInt64(0, 1L << 32);

        var segments = new List<(int Start, int Length)>();
        for (int at = 0; at < length;)
        {
            int size = Math.Min(length - at, random.Next(1, 400));
            segments.Add((at, size));
            at += size;
        }

        int extra = segments.Count / 2;
        for (int i = 0; i < extra && length > 0; i++)
        {
            int start = random.Next(0, length);
            if (random.Next(3) == 0)
            {
                segments.Add(segments[random.Next(segments.Count)]); // exact duplicate
            }
            else
            {
                segments.Add((start, random.Next(1, Math.Min(length - start, 600) + 1))); // partial overlap
            }
        }

        // Shuffle locally: each segment moves at most a few places, like reordering on a real path.
        for (int i = 0; i < segments.Count; i++)
        {
            int j = Math.Min(segments.Count - 1, i + random.Next(0, 6));
            (segments[i], segments[j]) = (segments[j], segments[i]);
        }

        var consumer = new RecordingConsumer();
        var reassembler = new TcpReassembler(consumer);
        Send(reassembler, isn, TcpControlBits.Syn, []);
        foreach ((int start, int size) in segments)
        {
            Send(reassembler, isn + 1 + (uint)start, TcpControlBits.Ack, stream.AsSpan(start, size));
        }

        Send(reassembler, isn + 1 + (uint)length, TcpControlBits.Fin | TcpControlBits.Ack, []);
        reassembler.Complete();

        return consumer.Stream(Flow).AsSpan().SequenceEqual(stream)
            && consumer.Gaps.Count == 0
            && consumer.Closed.SequenceEqual([(Flow, TcpCloseReason.Fin)]);
    }

    private static void Send(TcpReassembler reassembler, uint sequence, TcpControlBits flags, ReadOnlySpan<byte> payload)
    {
        var packet = new TcpPacket
        {
            Source = Flow.Source,
            SourcePort = Flow.SourcePort,
            Destination = Flow.Destination,
            DestinationPort = Flow.DestinationPort,
            SequenceNumber = sequence,
            Flags = flags,
            PayloadLength = payload.Length,
        };
        reassembler.Process(packet, payload, 0);
    }
}
