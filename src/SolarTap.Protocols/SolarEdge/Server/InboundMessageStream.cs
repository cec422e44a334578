using System.Buffers;
using SolarTap.Protocols.SolarEdge.Crypto;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// One direction of one connection: TLS check on the first bytes, framing (spec §1.5) and session tracking
/// (spec §4) with a tracker that may be shared with the other direction.
/// </summary>
internal sealed class InboundMessageStream(SessionTracker tracker, int maxPayloadLength, bool detectTls)
{
    private readonly ScratchBuffer _scratch = new();
    private bool _tlsChecked = !detectTls;

    public SolarEdgeFrameReader Framer { get; } = new(maxPayloadLength);

    public bool IsTls { get; private set; }

    /// <summary>
    /// The next message at the front of <paramref name="buffer"/>. With <paramref name="flush"/> an incomplete candidate
    /// is given up (spec §1.5 rule 6b) so the bytes behind it are scanned.
    /// </summary>
    public InboundStatus Next(ref ReadOnlySequence<byte> buffer, DateTimeOffset now, bool flush, out TrackedMessage message)
    {
        message = default;
        if (IsTls)
        {
            buffer = buffer.Slice(buffer.End);
            return InboundStatus.NeedMoreData;
        }

        if (!_tlsChecked)
        {
            switch (TlsClientHelloDetector.Probe(buffer))
            {
                case TlsProbe.ClientHello:
                    IsTls = true;
                    buffer = buffer.Slice(buffer.End);
                    return InboundStatus.TlsClientHello;
                case TlsProbe.NeedMoreData when !flush:
                    return InboundStatus.NeedMoreData;
                default:
                    _tlsChecked = buffer.Length > 0 || flush;
                    break;
            }
        }

        while (true)
        {
            if (Framer.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
            {
                message = tracker.Process(frame, now, _scratch.For((int)frame.Payload.Length));
                return InboundStatus.Message;
            }

            if (!flush || !Framer.AbandonCandidate(ref buffer))
            {
                return InboundStatus.NeedMoreData;
            }
        }
    }
}
