namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>How a <see cref="SolarEdgeServerSession"/> answers; one instance may serve every connection.</summary>
public sealed class SolarEdgeServerOptions
{
    /// <summary>
    /// The local time-zone offset (local − UTC) at a given UTC instant, sent in 0x0580 replies (spec §2.2, §5.2).
    /// Default: UTC. Use <see cref="OffsetOf"/> for a time zone, so that half-hour zones, DST and midnight are right.
    /// </summary>
    public Func<DateTimeOffset, TimeSpan> UtcOffset { get; init; } = static _ => TimeSpan.Zero;

    /// <summary>
    /// When true (default), a 0x0501 is not answered while the caller says the appliance clock is not synchronised:
    /// a wrong answer would set the inverter clock wrong and corrupt its timestamps (spec §5.2, issue #85).
    /// </summary>
    public bool RequireSynchronizedClock { get; init; } = true;

    /// <summary>Cap on declared payload lengths (spec §1.5 rule 6a).</summary>
    public int MaxPayloadLength { get; init; } = SolarEdgeWire.DefaultMaxPayloadLength;

    /// <summary>Bytes without a valid message after which the session asks to close the connection.</summary>
    public long MaxGarbageBytes { get; init; } = 256 * 1024;

    /// <summary>The offset function of <paramref name="zone"/>: its real offset at the instant asked.</summary>
    public static Func<DateTimeOffset, TimeSpan> OffsetOf(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return now => zone.GetUtcOffset(now);
    }
}
