using SolarTap.Devices.Leds;
using SolarTap.Protocols.Display;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Display;

/// <summary>
/// What the LEDs and the OLED show for a status snapshot (issue 7 §1, §2; docs/status.md). Pure: the snapshot's
/// own time is "now".
/// <code>
///   link      undecodable: an inverter with TLS firmware, or encrypted without its key
///             data flowing: an inverter posted within <see cref="SiteValues.ReportingWindow"/>
///             lease only:   an inverter is on the link (DHCP lease, or it posted before)
///             no link:      otherwise
///   upstream  not configured: no sink | buffering: a sink not running, or readings waiting | ok
///   error     configuration error, fault, or any source or device (LEDs, OLED) failed
/// </code>
/// </summary>
internal static class StatusIndication
{
    /// <summary>A sink this far behind counts as buffering even while it runs (a post's readings in flight are not).</summary>
    public const long BufferingBacklog = 1000;

    /// <summary>The LED state for <paramref name="snapshot"/>.</summary>
    public static ApplianceIndication Indication(StatusSnapshot snapshot) =>
        new(Link(snapshot), Upstream(snapshot), Problems(snapshot).Count > 0);

    /// <summary>The inverter link.</summary>
    public static InverterLinkState Link(StatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        IReadOnlyList<InverterStatus> inverters = snapshot.Inverters;
        if (inverters.Any(i => i.Firmware is InverterFirmware.Tls or InverterFirmware.EncryptedNoKey))
        {
            return InverterLinkState.Undecodable;
        }

        if (inverters.Any(i => i.LastPost is { } post && snapshot.Time - post < SiteValues.ReportingWindow))
        {
            return InverterLinkState.DataFlowing;
        }

        return inverters.Count > 0 ? InverterLinkState.LeaseOnly : InverterLinkState.NoLink;
    }

    /// <summary>Forwarding upstream.</summary>
    public static UpstreamState Upstream(StatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Sinks.Count == 0)
        {
            return UpstreamState.NotConfigured;
        }

        return snapshot.Sinks.Any(s => s.State != ComponentState.Running || s.Backlog >= BufferingBacklog)
            ? UpstreamState.Buffering
            : UpstreamState.Ok;
    }

    /// <summary>What is wrong, for the error LED and the problem page: configuration errors and faults, then failed sources and devices.</summary>
    public static IReadOnlyList<string> Problems(StatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<string>();
        if (snapshot.State is SupervisorState.ConfigurationError or SupervisorState.Fault)
        {
            problems.AddRange(snapshot.Messages.Count > 0 ? snapshot.Messages : [StatusJson.Describe(snapshot.State)]);
        }

        problems.AddRange(snapshot.Sources.Where(s => s.State == ComponentState.Failed).Select(s => $"{s.Name}: {s.Detail ?? "failed"}"));
        return problems;
    }

    /// <summary>Everything the OLED pages show.</summary>
    public static OledStatusView View(StatusSnapshot snapshot, SiteValues values, ApplianceView appliance)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(values);
        IEnumerable<string> serials = snapshot.Inverters.Select(i => i.Serial).OfType<string>().Concat(values.Serials).Distinct(StringComparer.Ordinal);
        InverterStatus? linked = snapshot.Inverters.FirstOrDefault(i => i.Firmware is InverterFirmware.Tls or InverterFirmware.EncryptedNoKey)
            ?? snapshot.Inverters.OrderByDescending(i => i.LastPost ?? DateTimeOffset.MinValue).FirstOrDefault();
        var link = new LinkView(
            Link(snapshot),
            linked?.Mac,
            linked?.Address,
            linked is null ? null : Session(linked, snapshot.Time),
            snapshot.Inverters.Any(i => i.Firmware == InverterFirmware.Tls));
        var upstream = new UpstreamView(
            Upstream(snapshot),
            [.. snapshot.Sinks.Select(s => new SinkView(s.Name, StatusJson.Describe(s.State), s.Backlog))]);
        return new OledStatusView(
            values.Site(snapshot.Time),
            [.. serials.Select(s => values.Inverter(s, snapshot.Time))],
            link,
            upstream,
            appliance,
            Problems(snapshot));
    }

    /// <summary>The session, when one is up (a recent post) or the firmware says why there is none.</summary>
    private static string? Session(InverterStatus inverter, DateTimeOffset now) => inverter.Firmware switch
    {
        InverterFirmware.EncryptedNoKey => "no key",
        InverterFirmware.Tls => "TLS",
        _ when inverter.LastPost is not { } post || now - post >= SiteValues.ReportingWindow => null,
        InverterFirmware.Plain => "plain",
        InverterFirmware.Encrypted => "encrypted",
        _ => null,
    };
}
