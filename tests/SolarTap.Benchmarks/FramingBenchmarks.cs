using System.Buffers;
using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Benchmarks;

/// <summary>Framing and CRC over a large stream of realistic posts (one 1 KiB-payload post after another).</summary>
[MemoryDiagnoser]
public class FramingBenchmarks
{
    private byte[] _stream = [];

    /// <summary>Size of the stream in MiB; throughput = size / mean time.</summary>
    [Params(16)]
    public int MegaBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var payload = new byte[1024];
        var stream = new List<byte>(MegaBytes << 20);
        ushort seq = 0;
        while (stream.Count < MegaBytes << 20)
        {
            random.NextBytes(payload);
            var header = new SolarEdgeHeader(seq++, 0x7F104920, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData);
            stream.AddRange(SolarEdgeFrameWriter.ToArray(header, payload));
        }

        _stream = [.. stream];
    }

    [Benchmark]
    public long ReadAllFrames()
    {
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(_stream);
        long payloadBytes = 0;
        while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            payloadBytes += frame.Payload.Length;
        }

        return payloadBytes;
    }

    [Benchmark]
    public ushort CrcOnly() => SolarEdgeCrc.Update(SolarEdgeCrc.InitialValue, _stream);
}
