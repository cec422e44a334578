using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// Capture reader + dissector + filter + reassembler on one input, fed in three segments with a small record cap.
/// Seeds: the reference pcap and what our writers make of it (pcapng both byte orders, nanosecond big-endian pcap).
/// </summary>
internal sealed class PcapCaptureTarget : IFuzzTarget
{
    public string Name => "pcap-capture";

    public IEnumerable<byte[]> Seeds()
    {
        byte[] synth = File.ReadAllBytes(Path.Combine(TestData.SharedTestData, "solaredge", "synth_passive_capture.pcap"));
        List<CapturedPacket> packets = Read(synth);
        yield return synth;

        foreach (bool bigEndian in new[] { false, true })
        {
            var ng = new ArrayBufferWriter<byte>();
            var writer = new PcapNgWriter(bigEndian);
            writer.WriteSectionHeader(ng);
            int id = writer.AddInterface(ng, LinkType.Ethernet, 0, bigEndian ? (byte)(0x80 | 20) : (byte)9);
            var pcap = new ArrayBufferWriter<byte>();
            var pcapWriter = new PcapWriter(LinkType.Ethernet, PcapTimestampPrecision.Nanoseconds, bigEndian);
            pcapWriter.WriteFileHeader(pcap);
            foreach (CapturedPacket packet in packets)
            {
                writer.WriteEnhancedPacket(ng, id, packet.TimestampNanoseconds, packet.Data.ToArray());
                pcapWriter.WriteRecord(pcap, packet.TimestampNanoseconds, packet.Data.ToArray());
            }

            writer.WriteSimplePacket(ng, packets[3].Data.ToArray());
            yield return ng.WrittenSpan.ToArray();
            yield return pcap.WrittenSpan.ToArray();
        }
    }

    public void Run(byte[] input)
    {
        var sink = new TcpCheckingConsumer();
        var reassembler = new TcpReassembler(sink, new TcpReassemblyOptions { MaxBufferedBytesPerFlow = 4096, MaxFlows = 8 });
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(maxRecordLength: 4096), CaptureFilter.Any, reassembler);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 3, 2 * input.Length / 3);
        OperationStatus status = extractor.Process(ref buffer);
        if (status == OperationStatus.InvalidData && extractor.Reader.Error is null)
        {
            throw new InvalidOperationException("InvalidData without a message.");
        }

        if (extractor.Reader.Statistics.BytesConsumed != input.Length - buffer.Length)
        {
            throw new InvalidOperationException("The reader's byte count disagrees with what it consumed.");
        }

        extractor.Complete();
        sink.CheckEveryFlowClosed();
        if (sink.DataBytes > input.Length)
        {
            throw new InvalidOperationException("More stream bytes came out than capture bytes went in.");
        }
    }

    private static List<CapturedPacket> Read(byte[] capture)
    {
        var reader = new CaptureFileReader();
        var buffer = new ReadOnlySequence<byte>(capture);
        var packets = new List<CapturedPacket>();
        while (reader.TryReadPacket(ref buffer, out CapturedPacket packet) == OperationStatus.Done)
        {
            packets.Add(packet);
        }

        return packets;
    }
}
