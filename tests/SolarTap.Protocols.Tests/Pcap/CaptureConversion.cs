using System.Buffers;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Protocols.Tests.Pcap;

/// <summary>Rewrites a capture with our writers, packet for packet (for round trips and seeds).</summary>
internal static class CaptureConversion
{
    public static byte[] ToPcapNg(byte[] capture, bool bigEndian = false, byte resolution = 9)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new PcapNgWriter(bigEndian);
        writer.WriteSectionHeader(output);
        var interfaces = new Dictionary<LinkType, int>();
        foreach (CapturedPacket packet in Packets(capture))
        {
            if (!interfaces.TryGetValue(packet.LinkType, out int id))
            {
                interfaces[packet.LinkType] = id = writer.AddInterface(output, packet.LinkType, 0, resolution);
            }

            writer.WriteEnhancedPacket(output, id, packet.TimestampNanoseconds, packet.Data.ToArray(), packet.OriginalLength);
        }

        return output.WrittenSpan.ToArray();
    }

    public static byte[] ToPcap(byte[] capture, PcapTimestampPrecision precision, bool bigEndian)
    {
        var output = new ArrayBufferWriter<byte>();
        PcapWriter? writer = null;
        foreach (CapturedPacket packet in Packets(capture))
        {
            if (writer is null)
            {
                writer = new PcapWriter(packet.LinkType, precision, bigEndian);
                writer.WriteFileHeader(output);
            }

            writer.WriteRecord(output, packet.TimestampNanoseconds, packet.Data.ToArray(), packet.OriginalLength);
        }

        return output.WrittenSpan.ToArray();
    }

    public static List<CapturedPacket> Packets(byte[] capture)
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
