using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Web;

/// <summary>
/// The effective configuration (the file's values over the defaults) as JSON keyed like solartap.yaml, for
/// <c>GET /api/config</c>. Secrets (<c>mqtt.password</c>, <c>web.password_hash</c>) are replaced by <see cref="Mask"/>.
/// </summary>
internal static class ConfigView
{
    /// <summary>What a secret that is set reads as.</summary>
    public const string Mask = "********";

    /// <summary>The view of <paramref name="o"/>, loaded from <paramref name="config"/> (for the file name and errors).</summary>
    public static JsonObject Build(SupervisorOptions o, ConfigLoadResult config)
    {
        NetworkOptions n = o.Network;
        DnsOptions d = o.Dns;
        SolarEdgeOptions s = o.SolarEdge;
        MqttOptions m = o.Mqtt;
        var settings = new JsonObject
        {
            ["network"] = new JsonObject
            {
                ["interface"] = n.Interface,
                ["address"] = $"{n.Address}/{n.PrefixLength}",
                ["pool_start"] = n.PoolStart.ToString(),
                ["pool_end"] = n.PoolEnd.ToString(),
                ["lease_time"] = Duration(n.LeaseTime),
                ["reservations"] = Array(n.Reservations.Select(r => (JsonNode)new JsonObject
                {
                    ["mac"] = r.Mac.ToString(),
                    ["address"] = r.Address.ToString(),
                    ["hostname"] = r.Hostname,
                })),
                ["allowed_mac_prefixes"] = Strings(n.AllowedMacPrefixes.Select(p => p.ToString()!)),
                ["allowed_macs"] = Strings(n.AllowedMacs.Select(a => a.ToString())),
                ["dhcp_port"] = PortOrOff(n.DhcpPort),
                ["lease_file"] = n.LeaseFile,
                ["uplink_interface"] = n.UplinkInterface ?? "none",
            },
            ["dns"] = new JsonObject
            {
                ["local_names"] = Strings(d.LocalNames),
                ["upstream"] = d.Upstream?.ToString() ?? "system",
                ["port"] = PortOrOff(d.Port),
                ["offline"] = Lower(d.Offline),
            },
            ["solaredge"] = new JsonObject
            {
                ["mode"] = Lower(s.Mode),
                ["ports"] = new JsonArray([.. s.Ports.Select(p => (JsonNode?)p)]),
                ["bind_address"] = s.BindAddress?.ToString() ?? "appliance",
                ["time_zone"] = s.TimeZone,
                ["require_clock_sync"] = s.RequireClockSync,
                ["relay_fallback"] = Lower(s.RelayFallback),
                ["relay_server"] = s.RelayServer,
                ["clock_sync_file"] = s.ClockSyncFile,
                ["keys_directory"] = s.KeysDirectory,
                ["idle_timeout"] = Duration(s.IdleTimeout),
            },
            ["journal"] = new JsonObject
            {
                ["path"] = o.Journal.Path,
                ["max_age"] = Duration(o.Journal.MaxAge),
                ["max_size"] = Size(o.Journal.MaxSizeBytes),
                ["unknown_frames"] = o.Journal.UnknownFrames,
            },
            ["mqtt"] = new JsonObject
            {
                ["host"] = m.Host,
                ["port"] = m.Port,
                ["tls"] = m.Tls,
                ["ca_file"] = m.CaFile,
                ["client_cert"] = m.ClientCertificate,
                ["client_key"] = m.ClientKey,
                ["username"] = m.UserName,
                ["password"] = m.Password is null ? null : Mask,
                ["client_id"] = m.ClientId,
                ["topic_prefix"] = m.TopicPrefix,
                ["discovery_prefix"] = m.DiscoveryPrefix,
                ["qos"] = m.Qos,
                ["replay_rate"] = m.ReplayRate,
            },
            ["jsonl"] = new JsonObject
            {
                ["directory"] = o.JsonLines.Directory,
                ["max_file_size"] = Size(o.JsonLines.MaxFileBytes),
                ["max_total_size"] = Size(o.JsonLines.MaxTotalBytes),
            },
            ["status"] = new JsonObject { ["socket"] = o.Status.Socket },
            ["web"] = new JsonObject
            {
                ["address"] = o.Web.Address.ToString(),
                ["port"] = o.Web.Enabled ? o.Web.EffectivePort(s) : "off",
                ["password_hash"] = o.Web.PasswordHash is null ? null : Mask,
                ["layout"] = Array(o.Web.Layout.Select(r => (JsonNode)new JsonObject
                {
                    ["name"] = r.Name,
                    ["optimizers"] = Strings(r.Optimizers),
                })),
            },
        };

        return new JsonObject
        {
            ["file"] = config.Path,
            ["valid"] = config.IsValid,
            ["errors"] = Strings(config.Errors.Select(e => e.ToString())),
            ["settings"] = settings,
        };
    }

    /// <summary>"1d", "1h30m", "90s": the largest units first, as the file takes them.</summary>
    internal static string Duration(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new System.Text.StringBuilder();
        Part(value.Days, 'd');
        Part(value.Hours, 'h');
        Part(value.Minutes, 'm');
        Part(value.Seconds, 's');
        return text.ToString();

        void Part(int count, char unit)
        {
            if (count > 0)
            {
                text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }
    }

    private static string Size(long bytes) =>
        bytes % (1024L * 1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024L * 1024 * 1024)}GB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024L * 1024)}MB");

    private static JsonNode PortOrOff(int? port) => port is int p ? p : "off";

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    private static JsonArray Array(IEnumerable<JsonNode> values) => new([.. values]);

    /// <summary>Whether an address means every address.</summary>
    internal static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
