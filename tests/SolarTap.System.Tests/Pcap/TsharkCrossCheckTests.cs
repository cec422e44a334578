using System.Buffers;
using System.Globalization;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.System.Tests.Pcap;

/// <summary>
/// Our capture reader and dissector against Wireshark's (tshark 4.x, editcap): the same files converted by editcap to
/// pcapng, nanosecond and microsecond pcap must give the packets tshark reports (count, exact time, original length,
/// bytes, TCP sequence and payload), and files from our writers must read back identically in tshark.
/// </summary>
public sealed class TsharkCrossCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("solartap-pcap-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reader_SynthCaptureConvertedByEditcap_MatchesTsharkAndReassemblesTheInverterStream()
    {
        byte[] capture = File.ReadAllBytes(TestData.PathOf("solaredge/synth_passive_capture.pcap"));
        byte[] stream = TestData.SolarEdge("synth_passive_capture.inverter_stream.bin");
        var flow = new TcpFlowKey(InetAddress.Parse("192.0.2.10"), 3051, InetAddress.Parse("198.51.100.20"), 22222);

        foreach (string file in ConvertWithEditcap(capture, "synth"))
        {
            AssertSameAsTshark(file);
            Assert.Equal(stream, Reassemble(File.ReadAllBytes(file))[flow]);
        }
    }

    [Fact]
    public void Reader_LargerSyntheticCaptureConvertedByEditcap_MatchesTsharkAndReassemblesEveryInverter()
    {
        byte[] capture = SyntheticCapture.Write(300, out Dictionary<TcpFlowKey, byte[]> streams);

        foreach (string file in ConvertWithEditcap(capture, "large"))
        {
            AssertSameAsTshark(file);
            Dictionary<TcpFlowKey, byte[]> reassembled = Reassemble(File.ReadAllBytes(file));
            Assert.True(streams.Keys.ToHashSet().SetEquals(reassembled.Keys), $"{file}: flows {string.Join(", ", reassembled.Keys)}");
            foreach ((TcpFlowKey key, byte[] expected) in streams)
            {
                Assert.True(expected.AsSpan().SequenceEqual(reassembled[key]), $"{file}: stream {key} differs");
            }
        }
    }

    [Fact]
    public void Writers_OurPcapAndPcapNgFiles_ReadIdenticallyByTshark()
    {
        byte[] capture = SyntheticCapture.Write(100, out _);
        List<TsharkPacket> reference = TsharkPacket.ReadAll(Save("reference.pcap", capture));
        List<CapturedPacket> packets = ReadPackets(capture);

        foreach (bool bigEndian in new[] { false, true })
        {
            var ng = new ArrayBufferWriter<byte>();
            var ngWriter = new PcapNgWriter(bigEndian);
            ngWriter.WriteSectionHeader(ng);
            int id = ngWriter.AddInterface(ng, LinkType.Ethernet, 262144, timestampResolution: 9);
            var nanoseconds = new ArrayBufferWriter<byte>();
            var nsWriter = new PcapWriter(LinkType.Ethernet, PcapTimestampPrecision.Nanoseconds, bigEndian);
            nsWriter.WriteFileHeader(nanoseconds);
            var microseconds = new ArrayBufferWriter<byte>();
            var usWriter = new PcapWriter(LinkType.Ethernet, PcapTimestampPrecision.Microseconds, bigEndian);
            usWriter.WriteFileHeader(microseconds);
            foreach (CapturedPacket packet in packets)
            {
                byte[] data = packet.Data.ToArray();
                ngWriter.WriteEnhancedPacket(ng, id, packet.TimestampNanoseconds, data, packet.OriginalLength);
                nsWriter.WriteRecord(nanoseconds, packet.TimestampNanoseconds, data, packet.OriginalLength);
                usWriter.WriteRecord(microseconds, packet.TimestampNanoseconds, data, packet.OriginalLength);
            }

            string order = bigEndian ? "be" : "le";
            Assert.Equal(reference, TsharkPacket.ReadAll(Save($"ours-{order}.pcapng", ng.WrittenSpan.ToArray())));
            Assert.Equal(reference, TsharkPacket.ReadAll(Save($"ours-{order}-ns.pcap", nanoseconds.WrittenSpan.ToArray())));
            Assert.Equal(
                reference.Select(p => p with { Nanoseconds = p.Nanoseconds / 1000 * 1000 }),
                TsharkPacket.ReadAll(Save($"ours-{order}-us.pcap", microseconds.WrittenSpan.ToArray())));
        }
    }

    /// <summary>The capture as is, and as editcap writes it in pcapng, nanosecond pcap and microsecond pcap.</summary>
    private List<string> ConvertWithEditcap(byte[] capture, string name)
    {
        string original = Save(name + ".pcap", capture);
        var files = new List<string> { original };
        foreach ((string format, string suffix) in new[] { ("pcapng", ".pcapng"), ("nsecpcap", ".ns.pcap"), ("pcap", ".us.pcap") })
        {
            string converted = Path.Combine(_directory, name + suffix);
            ExternalTool.Run("editcap", "-F", format, original, converted);
            files.Add(converted);
        }

        return files;
    }

    private static void AssertSameAsTshark(string file)
    {
        List<TsharkPacket> expected = TsharkPacket.ReadAll(file);
        var ours = new List<TsharkPacket>();
        foreach (CapturedPacket packet in ReadPackets(File.ReadAllBytes(file)))
        {
            byte[] frame = packet.Data.ToArray();
            string? sequence = null;
            string payload = "";
            if (PacketDissector.TryDissectTcp(frame, packet.LinkType, out TcpPacket tcp) == DissectStatus.Tcp)
            {
                sequence = tcp.SequenceNumber.ToString(CultureInfo.InvariantCulture);
                payload = Hex.Of(tcp.PayloadOf(frame));
            }

            ours.Add(new TsharkPacket(packet.TimestampNanoseconds, packet.OriginalLength, Hex.Of(frame), sequence, payload));
        }

        Assert.True(expected.Count > 0, $"tshark found no packets in {file}");
        Assert.Equal(expected.Count, ours.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == ours[i], $"{Path.GetFileName(file)} packet {i + 1}: tshark {expected[i]}, ours {ours[i]}");
        }
    }

    /// <summary>Reads with our reader, fed in 4 KiB segments as a PipeReader would.</summary>
    private static List<CapturedPacket> ReadPackets(byte[] file)
    {
        var reader = new CaptureFileReader();
        ReadOnlySequence<byte> buffer = Chunked(file);
        var packets = new List<CapturedPacket>();
        while (reader.TryReadPacket(ref buffer, out CapturedPacket packet) == OperationStatus.Done)
        {
            packets.Add(packet);
        }

        Assert.Null(reader.DescribeEndOfInput(buffer.Length));
        return packets;
    }

    private static Dictionary<TcpFlowKey, byte[]> Reassemble(byte[] file)
    {
        var streams = new StreamCollector();
        var extractor = new CaptureTcpExtractor(new CaptureFileReader(), CaptureFilter.SolarEdgeInverters, new TcpReassembler(streams));
        ReadOnlySequence<byte> buffer = Chunked(file);
        Assert.Equal(OperationStatus.NeedMoreData, extractor.Process(ref buffer));
        extractor.Complete();
        Assert.Equal(0, extractor.Reassembler.Statistics.Gaps);
        return streams.Streams.ToDictionary(s => s.Key, s => s.Value.ToArray());
    }

    private static ReadOnlySequence<byte> Chunked(byte[] file) =>
        Sequences.Split(file, Enumerable.Range(1, file.Length / 4096).Select(i => i * 4096).ToArray());

    private string Save(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
