using System.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>The SolarEdge monitoring server stand-in or relay (YAML section <c>solaredge</c>).</summary>
public sealed class SolarEdgeOptions
{
    /// <summary>Server, relay or off (<c>mode</c>). Default <see cref="SolarEdgeMode.Server"/>.</summary>
    public SolarEdgeMode Mode { get; set; } = SolarEdgeMode.Server;

    /// <summary>TCP ports to listen on (<c>ports</c>). Default 22222, 22221, 80.</summary>
    public IReadOnlyList<int> Ports { get; set; } = [22222, 22221, 80];

    /// <summary>Address to listen on (<c>bind_address</c>); null means the appliance's address (<c>network.address</c>).</summary>
    public IPAddress? BindAddress { get; set; }

    /// <summary>
    /// Time zone of the clock the server sends the inverter (<c>time_zone</c>): an IANA id such as Europe/Berlin, or
    /// <c>system</c> for the appliance's own. Default <c>system</c>.
    /// </summary>
    public string TimeZone { get; set; } = "system";

    /// <summary>Only send the inverter the time once the appliance's clock is synchronised (<c>require_clock_sync</c>). Default true.</summary>
    public bool RequireClockSync { get; set; } = true;

    /// <summary>What relay mode does when the real server cannot be reached (<c>relay_fallback</c>). Default <see cref="Configuration.RelayFallback.Local"/>.</summary>
    public RelayFallback RelayFallback { get; set; } = RelayFallback.Local;

    /// <summary>
    /// Relay mode: the real monitoring server (<c>relay_server</c>), a host name resolved through the appliance's own
    /// (uplink) resolver for every relayed connection, or an IP address. The port is the one the inverter connected to.
    /// Default prod.solaredge.com (spec §5.1).
    /// </summary>
    public string RelayServer { get; set; } = "prod.solaredge.com";

    /// <summary>
    /// The file whose existence says the appliance clock is synchronised (<c>clock_sync_file</c>); systemd-timesyncd
    /// creates it. Used when <see cref="RequireClockSync"/> is true. Default /run/systemd/timesync/synchronized.
    /// </summary>
    public string ClockSyncFile { get; set; } = "/run/systemd/timesync/synchronized";

    /// <summary>Folder of inverter key files, <c>&lt;inverter-id&gt;.key</c> (<c>keys_directory</c>). Default /etc/solartap/keys.</summary>
    public string KeysDirectory { get; set; } = "/etc/solartap/keys";

    /// <summary>A connection silent this long is closed (<c>idle_timeout</c>). Default 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The time zone <see cref="TimeZone"/> names (validated at start, so it exists).</summary>
    public TimeZoneInfo ResolveTimeZone() =>
        TimeZone == "system" ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
