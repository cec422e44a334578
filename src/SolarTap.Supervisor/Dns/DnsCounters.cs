using SolarTap.Protocols.Dns;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Dns;

/// <summary>Query counters kept with <see cref="Interlocked"/> on the hot path and handed to the status model once a second.</summary>
internal sealed class DnsCounters
{
    private static readonly string[] Names = ["queries", "answered", "forwarded", "dropped", "upstream_timeouts", "other_interface"];
    private readonly long[] _counts = new long[Names.Length];
    private readonly long[] _published = new long[Names.Length];

    public void Count(in DnsDecision decision)
    {
        Interlocked.Increment(ref _counts[0]);
        Interlocked.Increment(ref _counts[decision.Kind switch
        {
            DnsDecisionKind.Answer => 1,
            DnsDecisionKind.Forward => 2,
            _ => 3,
        }]);
    }

    public void UpstreamTimeout() => Interlocked.Increment(ref _counts[4]);

    public void OtherInterface() => Interlocked.Increment(ref _counts[5]);

    /// <summary>Adds what was counted since the last call to the status model's counters (one thread calls this).</summary>
    public void Publish(StatusModel status, string source)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            long now = Interlocked.Read(ref _counts[i]);
            if (now != _published[i])
            {
                status.CountSource(source, Names[i], now - _published[i]);
                _published[i] = now;
            }
        }
    }
}
