using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Net;

/// <summary>Records everything a reassembler reports: per-flow bytes and an event log ("data 5", "gap 3", "closed Fin").</summary>
internal sealed class RecordingConsumer : ITcpStreamConsumer
{
    private readonly Dictionary<TcpFlowKey, List<byte>> _streams = [];

    public List<string> Events { get; } = [];

    public List<(TcpFlowKey Flow, TcpCloseReason Reason)> Closed { get; } = [];

    public List<(TcpFlowKey Flow, long Length)> Gaps { get; } = [];

    public IReadOnlyCollection<TcpFlowKey> Flows => _streams.Keys;

    public byte[] Stream(TcpFlowKey flow) => _streams.TryGetValue(flow, out List<byte>? bytes) ? [.. bytes] : [];

    public void OnData(in TcpFlowKey flow, ReadOnlySpan<byte> data)
    {
        if (!_streams.TryGetValue(flow, out List<byte>? bytes))
        {
            _streams[flow] = bytes = [];
        }

        bytes.AddRange(data);
        Events.Add($"data {data.Length}");
    }

    public void OnGap(in TcpFlowKey flow, long length)
    {
        Gaps.Add((flow, length));
        Events.Add($"gap {length}");
    }

    public void OnClosed(in TcpFlowKey flow, TcpCloseReason reason)
    {
        Closed.Add((flow, reason));
        Events.Add($"closed {reason}");
    }
}
