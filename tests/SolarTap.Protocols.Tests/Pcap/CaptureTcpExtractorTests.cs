using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.Tests.Net;

namespace SolarTap.Protocols.Tests.Pcap;

public class CaptureTcpExtractorTests
{
    private static readonly TcpFlowKey InverterToServer = new(
        InetAddress.Parse("192.0.2.10"), 3051, InetAddress.Parse("198.51.100.20"), 22222);

    [Fact]
    public void Process_SynthPassiveCapture_ReassemblesTheInverterStreamExactly()
    {
        byte[] capture = TestData.SolarEdge("synth_passive_capture.pcap");
        byte[] expected = TestData.SolarEdge("synth_passive_capture.inverter_stream.bin");

        (RecordingConsumer consumer, CaptureTcpExtractor extractor) = Run(capture, CaptureFilter.SolarEdgeInverters);

        Assert.Equal([InverterToServer], consumer.Flows);
        Assert.Equal(Hex.Of(expected), Hex.Of(consumer.Stream(InverterToServer)));
        Assert.Empty(consumer.Gaps);
        Assert.Equal([(InverterToServer, TcpCloseReason.Fin)], consumer.Closed);
        Assert.Equal(10, extractor.Statistics.Packets);
        Assert.Equal(2, extractor.Statistics.FilteredOut); // the server's SYN-ACK and its segment carrying 0x0080
        Assert.Equal(1, extractor.Reassembler.Statistics.OutOfOrderSegments);
        Assert.True(extractor.Reassembler.Statistics.DuplicateBytes > 0);
    }

    [Fact]
    public void Process_SynthPassiveCaptureOneByteAtATime_GivesTheSameStream()
    {
        byte[] capture = TestData.SolarEdge("synth_passive_capture.pcap");
        var consumer = new RecordingConsumer();
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), CaptureFilter.SolarEdgeInverters, new TcpReassembler(consumer));
        var pending = new List<byte>();
        foreach (byte b in capture)
        {
            pending.Add(b);
            var buffer = new ReadOnlySequence<byte>([.. pending]);
            Assert.Equal(OperationStatus.NeedMoreData, extractor.Process(ref buffer));
            pending = [.. buffer.ToArray()];
        }

        extractor.Complete();

        Assert.Empty(pending);
        Assert.Equal(TestData.SolarEdge("synth_passive_capture.inverter_stream.bin"), consumer.Stream(InverterToServer));
    }

    [Fact]
    public void Process_SynthPassiveCaptureStream_FramesThreeMessagesWithTheRecordedSequenceNumbers()
    {
        (RecordingConsumer consumer, _) = Run(TestData.SolarEdge("synth_passive_capture.pcap"), CaptureFilter.SolarEdgeInverters);
        var reader = new SolarEdgeFrameReader();
        var stream = new ReadOnlySequence<byte>(consumer.Stream(InverterToServer));
        var frames = new List<(ushort, FunctionCode)>();
        while (reader.TryReadFrame(ref stream, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            frames.Add((frame.Sequence, frame.Function));
        }

        Assert.Equal([(762, (FunctionCode)0x0503), (1035, (FunctionCode)0x0500), (764, (FunctionCode)0x003D)], frames);
    }

    [Fact]
    public void Process_AnyFilter_AlsoReassemblesTheServerDirection()
    {
        (RecordingConsumer consumer, _) = Run(TestData.SolarEdge("synth_passive_capture.pcap"), CaptureFilter.Any);

        Assert.Equal(2, consumer.Flows.Count);
        byte[] reply = consumer.Stream(InverterToServer.Reverse());
        Assert.Equal(22, reply.Length); // one 0x0080 ACK: 20-byte header and CRC, no payload
    }

    [Fact]
    public void Process_NotACapture_ReportsInvalidDataWithTheFirstBytes()
    {
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), CaptureFilter.Any, new TcpReassembler(new RecordingConsumer()));
        var buffer = new ReadOnlySequence<byte>("<!DOCTYPE html>"u8.ToArray());

        Assert.Equal(OperationStatus.InvalidData, extractor.Process(ref buffer));
        Assert.Equal("not a pcap or pcapng file: starts with 3c 21 44 4f", extractor.Reader.Error);
    }

    internal static (RecordingConsumer Consumer, CaptureTcpExtractor Extractor) Run(byte[] capture, CaptureFilter filter, TcpReassemblyOptions? options = null)
    {
        var consumer = new RecordingConsumer();
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), filter, new TcpReassembler(consumer, options));
        var buffer = new ReadOnlySequence<byte>(capture);
        Assert.Equal(OperationStatus.NeedMoreData, extractor.Process(ref buffer));
        Assert.True(buffer.IsEmpty);
        Assert.Null(extractor.Reader.DescribeEndOfInput(buffer.Length));
        extractor.Complete();
        return (consumer, extractor);
    }
}
