using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Protocols.Tests.SolarEdge.Decoding;

public class SolarEdgeCaptureDecoderTests
{
    [Fact]
    public void Capture_PostSplitOverSegments_IsDecodedOnceWhole()
    {
        byte[] post = SyntheticPosts.OptimizerPost(0x7F104920, 7, optimizers: 100, timestamp: 1_700_000_000);
        byte[] pcap = new SyntheticCapture().FromInverter(post, segmentSize: 300).ToArray();

        RecordingSink sink = Run(pcap, CaptureFilter.SolarEdgeInverters);

        Assert.Single(sink.Messages);
        Assert.Equal(100, sink.Readings.Count);
        Assert.All(sink.Readings, r => Assert.Equal("7F104920", r.Device.Parent));
    }

    [Fact]
    public void Capture_BothDirectionsWithoutFilter_DecodesEachFlowSeparately()
    {
        byte[] post = SyntheticPosts.OptimizerPost(0x7F104920, 7, optimizers: 3, timestamp: 1_700_000_000);
        var ack = new SolarEdgeHeader(7, SolarEdgeAddress.Server, 0x7F104920, FunctionCode.RespAck);
        byte[] pcap = new SyntheticCapture().FromInverter(post).FromServer(SolarEdgeFrameWriter.ToArray(ack, [])).ToArray();

        RecordingSink sink = Run(pcap, CaptureFilter.Any);

        Assert.Equal([FunctionCode.CmdServerPostData, FunctionCode.RespAck], sink.Messages.Select(m => m.Header.Function));
    }

    [Fact]
    public void Property_MutatedCaptures_NeverThrow()
    {
        byte[] post = SyntheticPosts.OptimizerPost(0x7F104920, 7, optimizers: 10, timestamp: 1_700_000_000);
        byte[][] seeds = [TestData.SolarEdge("synth_passive_capture.pcap"), new SyntheticCapture().FromInverter(post, 100).ToArray()];
        Properties.ForAllMutations(0xCA97, seeds, bytes =>
        {
            Run(bytes, CaptureFilter.Any);
            return true;
        }, tests: 300);
    }

    private static RecordingSink Run(byte[] pcap, CaptureFilter filter)
    {
        using var sessions = new InverterSessions(_ => null);
        var sink = new RecordingSink();
        var decoder = new SolarEdgeCaptureDecoder(sessions, sink, new DecodeStatistics());
        var reassembler = new TcpReassembler(decoder);
        decoder.CaptureTimeNanoseconds = () => reassembler.NowNanoseconds;
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), filter, reassembler);
        var buffer = new ReadOnlySequence<byte>(pcap);
        extractor.Process(ref buffer);
        extractor.Complete();
        return sink;
    }
}
