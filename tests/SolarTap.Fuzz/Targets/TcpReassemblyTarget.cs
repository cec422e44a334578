using System.Buffers.Binary;
using SolarTap.Protocols.Net;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The reassembler driven directly by a script: each 8-byte step is (flow, flags, sequence offset, length, time
/// step), the payload bytes come from the rest of the input. Reaches the wrap, overlap, FIN/RST and timeout paths
/// far more often than whole captures do.
/// </summary>
internal sealed class TcpReassemblyTarget : IFuzzTarget
{
    private static readonly TcpFlowKey[] Flows =
    [
        new(InetAddress.FromIPv4(0xC000020A), 3051, InetAddress.FromIPv4(0xC6336414), 22222),
        new(InetAddress.FromIPv4(0xC000020B), 3052, InetAddress.FromIPv4(0xC6336414), 22222),
    ];

    public string Name => "tcp-reassembly";

    public IEnumerable<byte[]> Seeds()
    {
        // flow, flags, seq offset (2, big-endian), length (2), time step (2)
        yield return Convert.FromHexString("0002fff0000000000010fff1000400000010fff9000800010011fff5000400000001fffd00000001");
        yield return Convert.FromHexString("0002000000000000001000010010000000100020001000000110003000000000000400010000ffff");
    }

    public void Run(byte[] input)
    {
        var sink = new TcpCheckingConsumer();
        var reassembler = new TcpReassembler(sink, new TcpReassemblyOptions
        {
            MaxBufferedBytesPerFlow = 256,
            GapTimeout = TimeSpan.FromSeconds(5),
            IdleTimeout = TimeSpan.FromSeconds(60),
            MaxFlows = 2,
        });
        int steps = input.Length / 8;
        ReadOnlySpan<byte> payloads = input.AsSpan(steps * 8 / 2);
        long time = 0;
        long fed = 0;
        for (int i = 0; i < steps / 2; i++)
        {
            ReadOnlySpan<byte> step = input.AsSpan(i * 8, 8);
            int length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(step[4..]) & 0x3FF, payloads.Length);
            var packet = new TcpPacket
            {
                Source = Flows[step[0] & 1].Source,
                SourcePort = Flows[step[0] & 1].SourcePort,
                Destination = Flows[step[0] & 1].Destination,
                DestinationPort = Flows[step[0] & 1].DestinationPort,
                SequenceNumber = 0xFFFF_FF00u + BinaryPrimitives.ReadUInt16BigEndian(step[2..]),
                Flags = (TcpControlBits)step[1],
                PayloadLength = length,
            };
            time += BinaryPrimitives.ReadUInt16BigEndian(step[6..]) * 1_000_000L;
            reassembler.Process(packet, payloads[..length], time);
            fed += length;
        }

        reassembler.Complete();
        sink.CheckEveryFlowClosed();
        if (sink.DataBytes > fed)
        {
            throw new InvalidOperationException("More bytes delivered than fed.");
        }
    }
}
