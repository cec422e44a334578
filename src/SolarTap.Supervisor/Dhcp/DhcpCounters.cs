using SolarTap.Protocols.Dhcp;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Dhcp;

/// <summary>
/// Message counters kept with <see cref="Interlocked"/> on the hot path and handed to the status model once a
/// second (a status update per packet would cost more than the packet).
/// </summary>
internal sealed class DhcpCounters
{
    private long _offers, _acks, _naks, _ignored, _malformed;
    private long _offersPublished, _acksPublished, _naksPublished, _ignoredPublished, _malformedPublished;

    public void Count(in DhcpDecision decision)
    {
        switch (decision.ReplyType)
        {
            case DhcpMessageType.Offer:
                Interlocked.Increment(ref _offers);
                break;
            case DhcpMessageType.Ack:
                Interlocked.Increment(ref _acks);
                break;
            case DhcpMessageType.Nak:
                Interlocked.Increment(ref _naks);
                break;
            default:
                if (decision.Event?.Kind == DhcpEventKind.Ignored)
                {
                    Interlocked.Increment(ref _ignored);
                }

                break;
        }
    }

    public void Malformed() => Interlocked.Increment(ref _malformed);

    /// <summary>Adds what was counted since the last call to the status model's counters (one thread calls this).</summary>
    public void Publish(StatusModel status, string source)
    {
        Add(status, source, "offers", ref _offers, ref _offersPublished);
        Add(status, source, "acks", ref _acks, ref _acksPublished);
        Add(status, source, "naks", ref _naks, ref _naksPublished);
        Add(status, source, "ignored", ref _ignored, ref _ignoredPublished);
        Add(status, source, "malformed", ref _malformed, ref _malformedPublished);
    }

    private static void Add(StatusModel status, string source, string name, ref long counter, ref long published)
    {
        long now = Interlocked.Read(ref counter);
        if (now != published)
        {
            status.CountSource(source, name, now - published);
            published = now;
        }
    }
}
