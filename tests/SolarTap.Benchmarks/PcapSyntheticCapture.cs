using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Benchmarks;

/// <summary>Writes the benchmark's synthetic capture (see <see cref="PcapBenchmarks"/>) with our frame and pcap writers.</summary>
internal static class PcapSyntheticCapture
{
    public static byte[] Write(int approximateSize)
    {
        var random = new Random(7);
        var output = new ArrayBufferWriter<byte>(approximateSize + 4096);
        var pcap = new PcapWriter(LinkType.Ethernet);
        pcap.WriteFileHeader(output);
        TcpFrameWriter[] inverters = Enumerable.Range(1, 4).Select(i => new TcpFrameWriter
        {
            SourceMac = new MacAddress(0x0027_0200_0000UL + (ulong)i),
            DestinationMac = new MacAddress(0x0200_0000_0100UL),
            Source = InetAddress.FromIPv4(0xC000_0200u + (uint)i),
            Destination = InetAddress.FromIPv4(0xC633_6414u),
            SourcePort = (ushort)(3000 + i),
            DestinationPort = 22222,
        }).ToArray();
        uint[] next = new uint[inverters.Length];
        var payload = new byte[1448];
        random.NextBytes(payload);
        var frame = new byte[2048];
        var held = new byte[2048];
        int heldSize = 0;
        long time = 1_700_000_000_000_000_000;
        long packets = 0;
        while (output.WrittenCount < approximateSize)
        {
            int i = (int)(packets % inverters.Length);
            int size = inverters[i].Write(frame, next[i], 1, TcpControlBits.Ack | TcpControlBits.Psh, payload);
            next[i] += (uint)payload.Length;
            time += 100_000;
            if (packets % 50 == 7)
            {
                frame.AsSpan(0, size).CopyTo(held); // held back: sent after the next segment of any flow
                heldSize = size;
            }
            else
            {
                pcap.WriteRecord(output, time, frame.AsSpan(0, size));
                if (heldSize > 0)
                {
                    pcap.WriteRecord(output, time, held.AsSpan(0, heldSize));
                    heldSize = 0;
                }

                if (packets % 100 == 3)
                {
                    pcap.WriteRecord(output, time, frame.AsSpan(0, size)); // retransmission
                }

                if (packets % 4 == 0)
                {
                    int ack = inverters[i].Reverse().Write(frame, 1, next[i], TcpControlBits.Ack, []);
                    pcap.WriteRecord(output, time, frame.AsSpan(0, ack));
                }
            }

            packets++;
        }

        return output.WrittenSpan.ToArray();
    }
}
