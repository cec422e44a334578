using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Protocols.Tests.Net;

namespace SolarTap.Protocols.Tests.Pcap;

public class CaptureFileReaderPropertyTests
{
    private static readonly byte[] PcapHeader = Hex.Bytes("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000");
    private static readonly byte[] PcapNgHeader = Hex.Bytes("0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffff ffffffff 1c000000 01000000 14000000 0100 0000 00000000 14000000");

    private static IReadOnlyList<byte[]> Seeds()
    {
        byte[] synth = TestData.SolarEdge("synth_passive_capture.pcap");
        return
        [
            synth,
            CaptureConversion.ToPcapNg(synth),
            CaptureConversion.ToPcapNg(synth, bigEndian: true, resolution: 0x80 | 24),
            CaptureConversion.ToPcap(synth, PcapTimestampPrecision.Nanoseconds, bigEndian: true),
            CaptureFileReaderTests.TwoSections,
        ];
    }

    [Fact]
    public void TryReadPacket_RandomBytes_NeverThrowsNorConsumesMoreThanGiven()
        => Properties.ForAllBytes(0x5EED_0001, ReadsWithinBounds, tests: 1000);

    [Fact]
    public void TryReadPacket_RandomBodiesAfterValidHeaders_NeverThrowsNorConsumesMoreThanGiven()
    {
        Properties.ForAllBytes(0x5EED_0002, body => ReadsWithinBounds([.. PcapHeader, .. body]), tests: 1000);
        Properties.ForAllBytes(0x5EED_0003, body => ReadsWithinBounds([.. PcapNgHeader, .. body]), tests: 1000);
    }

    [Fact]
    public void TryReadPacket_MutatedCaptures_NeverThrowsNorConsumesMoreThanGiven()
        => Properties.ForAllMutations(0x5EED_0004, Seeds(), ReadsWithinBounds, tests: 1500);

    [Fact]
    public void Process_MutatedCaptures_DissectAndReassembleWithoutThrowing()
        => Properties.ForAllMutations(0x5EED_0005, Seeds(), input =>
        {
            var consumer = new RecordingConsumer();
            var extractor = new CaptureTcpExtractor(new CaptureFileReader(), CaptureFilter.Any, new TcpReassembler(consumer));
            ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 3, 2 * input.Length / 3);
            extractor.Process(ref buffer);
            extractor.Complete();
            return consumer.Flows.All(flow => consumer.Closed.Any(closed => closed.Flow == flow)); // every stream is ended
        }, tests: 1500);

    private static bool ReadsWithinBounds(byte[] input)
    {
        var reader = new CaptureFileReader(maxRecordLength: 4096);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 2, input.Length / 5);
        long before = buffer.Length;
        long total = 0;
        OperationStatus status;
        while ((status = reader.TryReadPacket(ref buffer, out CapturedPacket packet)) == OperationStatus.Done)
        {
            total += packet.CapturedLength;
            if (buffer.Length >= before || packet.CapturedLength > 4096)
            {
                return false; // every packet must consume bytes, and stay under the cap
            }

            before = buffer.Length;
        }

        return buffer.Length <= input.Length && total <= input.Length
            && (status == OperationStatus.NeedMoreData || (status == OperationStatus.InvalidData && reader.Error is not null))
            && input.Length - buffer.Length == reader.Statistics.BytesConsumed;
    }
}
