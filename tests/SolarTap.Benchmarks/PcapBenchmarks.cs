using System.Buffers;
using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Benchmarks;

/// <summary>
/// Capture parse, dissect and reassembly over a 64 MiB synthetic pcap fed in 64 KiB segments (as a PipeReader on a
/// file gives it): four inverters, 1448-byte segments, one in 50 swapped with its successor, one in 100 retransmitted,
/// server ACKs in between. Throughput in MB/s = 64 MiB / mean time. The product target for pcap→JSON is ≥ 100 MB/s
/// overall, so each of these must be far faster.
/// </summary>
[MemoryDiagnoser]
public class PcapBenchmarks
{
    private ReadOnlySequence<byte> _capture;

    /// <summary>Size of the capture in MiB.</summary>
    [Params(64)]
    public int MegaBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] file = PcapSyntheticCapture.Write(MegaBytes << 20);
        _capture = Segmented(file, 64 << 10);
    }

    [Benchmark(Baseline = true)]
    public long ReadPackets()
    {
        var reader = new CaptureFileReader();
        ReadOnlySequence<byte> buffer = _capture;
        long bytes = 0;
        while (reader.TryReadPacket(ref buffer, out CapturedPacket packet) == OperationStatus.Done)
        {
            bytes += packet.CapturedLength;
        }

        return bytes;
    }

    [Benchmark]
    public long ReadAndDissect()
    {
        var reader = new CaptureFileReader();
        ReadOnlySequence<byte> buffer = _capture;
        byte[] scratch = new byte[65536];
        long payload = 0;
        while (reader.TryReadPacket(ref buffer, out CapturedPacket packet) == OperationStatus.Done)
        {
            if (PacketDissector.TryDissectTcp(packet.GetContiguous(scratch), packet.LinkType, out TcpPacket tcp) == DissectStatus.Tcp)
            {
                payload += tcp.PayloadLength;
            }
        }

        return payload;
    }

    [Benchmark]
    public long ReadDissectFilterReassemble()
    {
        var counter = new CountingConsumer();
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), CaptureFilter.SolarEdgeInverters, new TcpReassembler(counter));
        ReadOnlySequence<byte> buffer = _capture;
        extractor.Process(ref buffer);
        extractor.Complete();
        return counter.Bytes;
    }

    private static ReadOnlySequence<byte> Segmented(byte[] data, int segmentSize)
    {
        var first = new Segment(data.AsMemory(0, Math.Min(segmentSize, data.Length)), 0);
        Segment last = first;
        for (int at = segmentSize; at < data.Length; at += segmentSize)
        {
            last = last.Append(data.AsMemory(at, Math.Min(segmentSize, data.Length - at)));
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

    private sealed class CountingConsumer : ITcpStreamConsumer
    {
        public long Bytes { get; private set; }

        public void OnData(in TcpFlowKey flow, ReadOnlySpan<byte> data) => Bytes += data.Length;

        public void OnGap(in TcpFlowKey flow, long length)
        {
        }

        public void OnClosed(in TcpFlowKey flow, TcpCloseReason reason)
        {
        }
    }
}
