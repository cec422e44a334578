namespace SolarTap.Protocols.Net;

/// <summary>
/// Receives what <see cref="TcpReassembler"/> makes of each flow, in stream order. Calls for one flow come in the
/// order of the byte stream: data, gaps (bytes that will never come), more data, and finally one close.
/// </summary>
public interface ITcpStreamConsumer
{
    /// <summary>
    /// The next bytes of <paramref name="flow"/>'s stream. The span is only valid during the call.
    /// </summary>
    void OnData(in TcpFlowKey flow, ReadOnlySpan<byte> data);

    /// <summary>
    /// <paramref name="length"/> bytes of <paramref name="flow"/>'s stream were skipped because they were not captured
    /// in time (spec §5.4 rule 4). A framer should drop any partial message and resynchronise (spec §1.5).
    /// </summary>
    void OnGap(in TcpFlowKey flow, long length);

    /// <summary><paramref name="flow"/> ended; nothing more will be reported for it unless a new connection reuses the key.</summary>
    void OnClosed(in TcpFlowKey flow, TcpCloseReason reason);
}
