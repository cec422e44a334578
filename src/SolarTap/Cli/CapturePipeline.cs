using SolarTap.Protocols.Net;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Cli;

/// <summary>Capture files → filter → TCP reassembly → one SolarEdge decoder per flow: the wiring every capture command shares.</summary>
internal sealed class CapturePipeline
{
    private CapturePipeline(CaptureReading reading, TcpReassembler reassembler, SolarEdgeCaptureDecoder decoder)
    {
        Reading = reading;
        Reassembler = reassembler;
        Decoder = decoder;
    }

    public CaptureReading Reading { get; }

    public TcpReassembler Reassembler { get; }

    public SolarEdgeCaptureDecoder Decoder { get; }

    public static async Task<CapturePipeline> RunAsync(IReadOnlyList<string> files, CaptureFilter filter, InverterSessions sessions,
        ISolarEdgeMessageSink sink, ISolarEdgeFrameObserver? frames, TextWriter diagnostics, CancellationToken cancel)
    {
        var decoder = new SolarEdgeCaptureDecoder(sessions, sink, new DecodeStatistics()) { FrameObserver = frames };
        var reassembler = new TcpReassembler(decoder);
        decoder.CaptureTimeNanoseconds = () => reassembler.NowNanoseconds;
        var reading = new CaptureReading(filter, reassembler, diagnostics);
        await reading.ReadAllAsync(files, cancel).ConfigureAwait(false);
        return new CapturePipeline(reading, reassembler, decoder);
    }

    /// <summary>The capture and reassembly counters as one line, for --stats.</summary>
    public string Summary()
    {
        TcpReassemblyStatistics tcp = Reassembler.Statistics;
        return $"packets {Reading.Packets}, TCP segments kept {Reading.Segments}, filtered out {Reading.FilteredOut}, " +
            $"flows {tcp.FlowsOpened}, gaps {tcp.Gaps} ({tcp.GapBytes} bytes), duplicate bytes {tcp.DuplicateBytes}";
    }
}
