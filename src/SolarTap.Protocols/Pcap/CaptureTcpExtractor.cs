using System.Buffers;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Pcap;

/// <summary>
/// The capture pipeline in one place: reads packets with a <see cref="CaptureFileReader"/>, dissects them with
/// <see cref="PacketDissector"/>, keeps those a <see cref="CaptureFilter"/> accepts and feeds them to a
/// <see cref="TcpReassembler"/> with their capture times. Feed it from a <c>PipeReader</c>, then call <see cref="Complete"/>.
/// </summary>
public sealed class CaptureTcpExtractor
{
    private readonly CaptureFilter _filter;
    private byte[] _scratch = [];

    /// <summary>An extractor reading with <paramref name="reader"/> and reporting through <paramref name="reassembler"/>.</summary>
    public CaptureTcpExtractor(CaptureFileReader reader, CaptureFilter filter, TcpReassembler reassembler)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(reassembler);
        Reader = reader;
        _filter = filter;
        Reassembler = reassembler;
    }

    /// <summary>The file reader (format, error message, counters).</summary>
    public CaptureFileReader Reader { get; }

    /// <summary>The reassembler (counters, capture time).</summary>
    public TcpReassembler Reassembler { get; }

    /// <summary>What happened to the packets read so far.</summary>
    public CaptureExtractorStatistics Statistics { get; } = new();

    /// <summary>
    /// Processes every complete packet at the front of <paramref name="buffer"/>.
    /// </summary>
    /// <returns>
    /// <see cref="OperationStatus.NeedMoreData"/> when the rest of <paramref name="buffer"/> is an incomplete record
    /// (keep it, append more), or <see cref="OperationStatus.InvalidData"/> when the file is broken (see
    /// <see cref="CaptureFileReader.Error"/>).
    /// </returns>
    public OperationStatus Process(ref ReadOnlySequence<byte> buffer)
    {
        OperationStatus status;
        while ((status = Reader.TryReadPacket(ref buffer, out CapturedPacket packet)) == OperationStatus.Done)
        {
            Process(packet);
        }

        return status;
    }

    /// <summary>Dissects, filters and reassembles one packet already read.</summary>
    public void Process(in CapturedPacket packet)
    {
        Statistics.Packets++;
        if (!packet.Data.IsSingleSegment && _scratch.Length < packet.CapturedLength)
        {
            _scratch = new byte[Math.Max(packet.CapturedLength, 2048)];
        }

        ReadOnlySpan<byte> frame = packet.GetContiguous(_scratch);
        DissectStatus dissected = PacketDissector.TryDissectTcp(frame, packet.LinkType, out TcpPacket tcp);
        switch (dissected)
        {
            case DissectStatus.Tcp:
                break;
            case DissectStatus.NotTcp: Statistics.NotTcp++; return;
            case DissectStatus.Fragment: Statistics.Fragments++; return;
            case DissectStatus.Truncated: Statistics.Truncated++; return;
            case DissectStatus.Malformed: Statistics.Malformed++; return;
            default: Statistics.UnsupportedLinkType++; return;
        }

        if (!_filter.Matches(tcp))
        {
            Statistics.FilteredOut++;
            return;
        }

        Statistics.Segments++;
        long time = packet.HasTimestamp ? packet.TimestampNanoseconds : Reassembler.NowNanoseconds;
        Reassembler.Process(tcp, tcp.PayloadOf(frame), time);
    }

    /// <summary>End of input: flushes the reassembler (see <see cref="TcpReassembler.Complete"/>).</summary>
    public void Complete() => Reassembler.Complete();
}
