using System.Buffers;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;

namespace SolarTap.Testing;

/// <summary>
/// A classic pcap of one inverter's TCP connection to the server (192.0.2.10:3051 → 198.51.100.20:22222),
/// built with our frame and pcap writers: a handshake, then what each side sends, cut into segments.
/// </summary>
public sealed class SyntheticCapture
{
    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly PcapWriter _pcap = new(LinkType.Ethernet);
    private readonly TcpFrameWriter _inverter = new()
    {
        SourceMac = new MacAddress(0x0027_021A_0823UL),
        DestinationMac = new MacAddress(0x0200_0000_0001UL),
        Source = InetAddress.FromIPv4(0xC000_020Au),
        Destination = InetAddress.FromIPv4(0xC633_6414u),
        SourcePort = 3051,
        DestinationPort = 22222,
    };

    private readonly byte[] _frame = new byte[2048];
    private uint _inverterNext = 1001;
    private uint _serverNext = 5001;
    private long _time = 1_465_388_000_000_000_000;

    /// <summary>Starts the capture with the file header and a three-way handshake.</summary>
    public SyntheticCapture()
    {
        _pcap.WriteFileHeader(_output);
        Record(_inverter, _inverterNext - 1, 0, TcpControlBits.Syn, []);
        Record(_inverter.Reverse(), _serverNext - 1, _inverterNext, TcpControlBits.Syn | TcpControlBits.Ack, []);
        Record(_inverter, _inverterNext, _serverNext, TcpControlBits.Ack, []);
    }

    /// <summary>Bytes sent by the inverter, in segments of at most <paramref name="segmentSize"/> bytes.</summary>
    public SyntheticCapture FromInverter(ReadOnlySpan<byte> bytes, int segmentSize = 1448)
    {
        for (int at = 0; at < bytes.Length; at += segmentSize)
        {
            ReadOnlySpan<byte> piece = bytes.Slice(at, Math.Min(segmentSize, bytes.Length - at));
            Record(_inverter, _inverterNext, _serverNext, TcpControlBits.Ack | TcpControlBits.Psh, piece);
            _inverterNext += (uint)piece.Length;
        }

        return this;
    }

    /// <summary>Bytes sent by the server in one segment.</summary>
    public SyntheticCapture FromServer(ReadOnlySpan<byte> bytes)
    {
        Record(_inverter.Reverse(), _serverNext, _inverterNext, TcpControlBits.Ack | TcpControlBits.Psh, bytes);
        _serverNext += (uint)bytes.Length;
        return this;
    }

    /// <summary>The capture so far, as a pcap file.</summary>
    public byte[] ToArray() => _output.WrittenSpan.ToArray();

    /// <summary>Size of the capture so far.</summary>
    public int Length => _output.WrittenCount;

    private void Record(TcpFrameWriter writer, uint sequence, uint acknowledgment, TcpControlBits flags, ReadOnlySpan<byte> payload)
    {
        int size = writer.Write(_frame, sequence, acknowledgment, flags, payload);
        _time += 1_000_000;
        _pcap.WriteRecord(_output, _time, _frame.AsSpan(0, size));
    }
}
