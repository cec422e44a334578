using SolarTap.Protocols.Net;

namespace SolarTap.Fuzz.Targets;

/// <summary>Checks the reassembler's promises to its consumer: nothing for a flow after it closed, every flow closed at the end.</summary>
internal sealed class TcpCheckingConsumer : ITcpStreamConsumer
{
    private readonly HashSet<TcpFlowKey> _open = [];

    public long DataBytes { get; private set; }

    public void OnData(in TcpFlowKey flow, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new InvalidOperationException("Empty data event.");
        }

        _open.Add(flow);
        DataBytes += data.Length;
    }

    public void OnGap(in TcpFlowKey flow, long length)
    {
        if (length <= 0)
        {
            throw new InvalidOperationException($"Gap of {length} bytes.");
        }

        _open.Add(flow);
    }

    public void OnClosed(in TcpFlowKey flow, TcpCloseReason reason) => _open.Remove(flow);

    public void CheckEveryFlowClosed()
    {
        if (_open.Count > 0)
        {
            throw new InvalidOperationException($"{_open.Count} flows were never closed.");
        }
    }
}
