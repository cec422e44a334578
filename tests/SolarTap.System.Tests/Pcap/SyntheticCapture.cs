using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.System.Tests.Pcap;

/// <summary>
/// A larger capture than the reference one, written with our writers: several inverters (IPv4, IPv6, 802.1Q, Q-in-Q),
/// short padded frames, reordered and retransmitted segments, server replies, and nanosecond-spaced timestamps.
/// </summary>
internal static class SyntheticCapture
{
    public static byte[] Write(int packetsPerFlow, out Dictionary<TcpFlowKey, byte[]> inverterStreams)
    {
        TcpFrameWriter[] inverters =
        [
            Inverter("00:27:02:00:00:01", "192.0.2.11", "198.51.100.20", []),
            Inverter("00:40:9d:00:00:02", "192.0.2.12", "198.51.100.20", [100]),
            Inverter("00:04:f3:00:00:03", "2001:db8::13", "2001:db8::20", []),
            Inverter("00:27:02:00:00:04", "192.0.2.14", "198.51.100.20", [10, 20]),
        ];
        var random = new Random(2024);
        var output = new ArrayBufferWriter<byte>();
        var pcap = new PcapWriter(LinkType.Ethernet, PcapTimestampPrecision.Nanoseconds);
        pcap.WriteFileHeader(output);
        long time = 1_700_000_000_000_000_001;
        var frame = new byte[2048];
        inverterStreams = [];
        foreach (TcpFrameWriter inverter in inverters)
        {
            var stream = new List<byte>();
            uint isn = (uint)random.NextInt64(0, 1L << 32);
            void Emit(TcpFrameWriter writer, uint seq, TcpControlBits flags, ReadOnlySpan<byte> payload)
            {
                int size = writer.Write(frame, seq, 1, flags, payload);
                pcap.WriteRecord(output, time, frame.AsSpan(0, size));
                time += random.Next(1, 5_000_000);
            }

            Emit(inverter, isn, TcpControlBits.Syn, []);
            Emit(inverter.Reverse(), 77, TcpControlBits.Syn | TcpControlBits.Ack, []);
            uint next = isn + 1;
            byte[]? held = null;
            uint heldSeq = 0;
            for (int i = 0; i < packetsPerFlow; i++)
            {
                byte[] payload = new byte[random.Next(0, 10) == 0 ? random.Next(1, 6) : random.Next(20, 1400)];
                random.NextBytes(payload);
                stream.AddRange(payload);
                if (held is null && random.Next(8) == 0)
                {
                    (held, heldSeq) = (payload, next); // send later: out of order
                }
                else
                {
                    Emit(inverter, next, TcpControlBits.Ack | TcpControlBits.Psh, payload);
                    if (held is not null)
                    {
                        Emit(inverter, heldSeq, TcpControlBits.Ack | TcpControlBits.Psh, held);
                        held = null;
                    }

                    if (random.Next(10) == 0)
                    {
                        Emit(inverter, next, TcpControlBits.Ack | TcpControlBits.Psh, payload); // retransmission
                    }
                }

                next += (uint)payload.Length;
                if (random.Next(4) == 0)
                {
                    Emit(inverter.Reverse(), 78, TcpControlBits.Ack | TcpControlBits.Psh, [0x12, 0x34, 0x56, 0x79]);
                }
            }

            if (held is not null)
            {
                Emit(inverter, heldSeq, TcpControlBits.Ack, held);
            }

            Emit(inverter, next, TcpControlBits.Fin | TcpControlBits.Ack, []);
            inverterStreams[new TcpFlowKey(inverter.Source, inverter.SourcePort, inverter.Destination, inverter.DestinationPort)] = [.. stream];
        }

        return output.WrittenSpan.ToArray();
    }

    private static TcpFrameWriter Inverter(string mac, string source, string destination, ushort[] vlans) => new()
    {
        SourceMac = MacAddress.Parse(mac),
        DestinationMac = MacAddress.Parse("02:00:00:00:01:00"),
        VlanIds = vlans,
        Source = InetAddress.Parse(source),
        Destination = InetAddress.Parse(destination),
        SourcePort = (ushort)(3000 + vlans.Length + mac[^1]),
        DestinationPort = 22222,
    };
}
