using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Leds;

/// <summary>
/// The blink codes of issue 7 §1:
/// <code>
///   power     heartbeat while the supervisor runs
///   link      off: no link | slow blink 1 s/1 s: lease, no session | on: data flowing | fast blink 100/100 ms: TLS or undecodable
///   upstream  off: nothing configured | on: sinks OK | blink 500/500 ms: buffering
///   error     on: configuration error or device missing | off: fine
/// </code>
/// </summary>
public static class LedPatterns
{
    /// <summary>Link LED: lease but no session.</summary>
    public static readonly LedAction SlowBlink = LedAction.Blink(1000, 1000);

    /// <summary>Link LED: data that cannot be decoded.</summary>
    public static readonly LedAction FastBlink = LedAction.Blink(100, 100);

    /// <summary>Upstream LED: buffering.</summary>
    public static readonly LedAction BufferingBlink = LedAction.Blink(500, 500);

    /// <summary>Power LED: the kernel heartbeat.</summary>
    public static LedAction Power => LedAction.Heartbeat;

    /// <summary>Link LED for <paramref name="state"/>.</summary>
    public static LedAction Link(InverterLinkState state) => state switch
    {
        InverterLinkState.LeaseOnly => SlowBlink,
        InverterLinkState.DataFlowing => LedAction.On,
        InverterLinkState.Undecodable => FastBlink,
        _ => LedAction.Off,
    };

    /// <summary>Upstream LED for <paramref name="state"/>.</summary>
    public static LedAction Upstream(UpstreamState state) => state switch
    {
        UpstreamState.Ok => LedAction.On,
        UpstreamState.Buffering => BufferingBlink,
        _ => LedAction.Off,
    };

    /// <summary>Error LED.</summary>
    public static LedAction Error(bool error) => error ? LedAction.On : LedAction.Off;

    /// <summary>All four LEDs for <paramref name="indication"/>.</summary>
    public static LedActions For(ApplianceIndication indication)
    {
        ArgumentNullException.ThrowIfNull(indication);
        return new LedActions(Power, Link(indication.Link), Upstream(indication.Upstream), Error(indication.Error));
    }
}
