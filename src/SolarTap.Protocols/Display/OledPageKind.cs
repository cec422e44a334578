namespace SolarTap.Protocols.Display;

/// <summary>The kinds of OLED page, in cycle order.</summary>
public enum OledPageKind
{
    /// <summary>Configuration errors and missing devices (only when there are any).</summary>
    Problems,

    /// <summary>Site power now and energy today.</summary>
    Site,

    /// <summary>One inverter (one page each).</summary>
    Inverter,

    /// <summary>The inverter link: MAC, IP, session, TLS warning.</summary>
    Link,

    /// <summary>Upstream: state, backlog, sinks.</summary>
    Upstream,

    /// <summary>The appliance: addresses, uptime, CPU temperature.</summary>
    Appliance,
}
