using SolarTap.Protocols.Net;

namespace SolarTap.System.Tests.Pcap;

/// <summary>Collects each flow's reassembled bytes.</summary>
internal sealed class StreamCollector : ITcpStreamConsumer
{
    public Dictionary<TcpFlowKey, List<byte>> Streams { get; } = [];

    public void OnData(in TcpFlowKey flow, ReadOnlySpan<byte> data)
    {
        if (!Streams.TryGetValue(flow, out List<byte>? bytes))
        {
            Streams[flow] = bytes = [];
        }

        bytes.AddRange(data);
    }

    public void OnGap(in TcpFlowKey flow, long length)
    {
    }

    public void OnClosed(in TcpFlowKey flow, TcpCloseReason reason)
    {
    }
}
