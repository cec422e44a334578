using System.Buffers.Binary;
using System.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>
/// Checks that need more than one value: the DHCP pool inside the subnet, reservations, ports. A check is skipped
/// when one of its values already failed to parse, so one mistake is reported once.
/// </summary>
internal static class ConfigValidator
{
    public static void Validate(SupervisorOptions options, ConfigErrors errors)
    {
        ValidateNetwork(options.Network, errors);
        ValidateSolarEdge(options.SolarEdge, errors);
        ValidateMqtt(options.Mqtt, errors);
        Rs485Validation.Validate(options.Rs485, errors);
        WebConfigValidator.Validate(options, errors);
        if (options.JsonLines.MaxTotalBytes < options.JsonLines.MaxFileBytes && !errors.Failed("jsonl"))
        {
            string key = errors.IsPresent("jsonl.max_total_size") ? "jsonl.max_total_size" : "jsonl.max_file_size";
            errors.Add(errors.LineOf(key), key, "expected jsonl.max_total_size to be at least jsonl.max_file_size");
        }
    }

    private static void ValidateMqtt(MqttOptions m, ConfigErrors errors)
    {
        if (m.Password is not null && m.UserName is null && !errors.Failed("mqtt.username"))
        {
            errors.Add(errors.LineOf("mqtt.password"), "mqtt.password", "expected mqtt.username as well: MQTT sends a password only with a user name");
        }

        foreach (string key in new[] { "mqtt.ca_file", "mqtt.client_cert", "mqtt.client_key" })
        {
            if (!m.Tls && errors.IsPresent(key) && !errors.Failed("mqtt.tls"))
            {
                errors.Add(errors.LineOf(key), key, "expected mqtt.tls: true as well: certificates are used only with TLS");
            }
        }

        if (m.ClientKey is not null && m.ClientCertificate is null && !errors.Failed("mqtt.client_cert"))
        {
            errors.Add(errors.LineOf("mqtt.client_key"), "mqtt.client_key", "expected mqtt.client_cert as well: a key without its certificate is of no use");
        }
    }

    private static void ValidateNetwork(NetworkOptions n, ConfigErrors errors)
    {
        if (errors.Failed("network.address"))
        {
            return;
        }

        IPNetwork subnet = n.Subnet;
        string cidr = $"{n.Address}/{n.PrefixLength}";
        if (!IsHostAddress(subnet, n.Address))
        {
            errors.Add(errors.LineOf("network.address"), "network.address",
                $"expected a host address inside {subnet}, found {Found(errors, "network.address", cidr)}, which is the subnet's network or broadcast address");
            return;
        }

        // With the DHCP server off, the default pool is unused: it need not fit a changed subnet (bridge mode).
        bool poolUnused = n.DhcpPort is null && !errors.IsPresent("network.pool_start") && !errors.IsPresent("network.pool_end");
        bool poolOk = !poolUnused;
        foreach ((string key, IPAddress address) in poolUnused ? [] : new[] { ("network.pool_start", n.PoolStart), ("network.pool_end", n.PoolEnd) })
        {
            if (!errors.Failed(key) && !IsHostAddress(subnet, address))
            {
                // A default that no longer fits is reported where the subnet was changed.
                int line = errors.LineOf(errors.IsPresent(key) ? key : "network.address");
                errors.Add(line, key, $"expected a host address inside {subnet} (network.address {cidr}), found {Found(errors, key, address)}");
                poolOk = false;
            }
        }

        if (poolOk && !errors.Failed("network.pool_start") && !errors.Failed("network.pool_end"))
        {
            uint start = ToUInt32(n.PoolStart), end = ToUInt32(n.PoolEnd), self = ToUInt32(n.Address);
            if (start > end)
            {
                errors.Add(errors.LineOf("network.pool_end"), "network.pool_end",
                    $"expected an address not below network.pool_start ({n.PoolStart}), found {Found(errors, "network.pool_end", n.PoolEnd)}");
            }
            else if (self >= start && self <= end)
            {
                errors.Add(errors.LineOf("network.pool_start"), "network.pool_start",
                    $"expected a pool that leaves out the appliance's own address {n.Address}, found {n.PoolStart} to {n.PoolEnd}");
            }
        }

        ValidateReservations(n, subnet, errors);
        if (!errors.Failed("network.uplink_interface") && !errors.Failed("network.interface") && n.UplinkInterface == n.Interface)
        {
            errors.Add(errors.LineOf("network.uplink_interface"), "network.uplink_interface",
                $"expected none or an interface other than network.interface ({n.Interface}), found \"{n.UplinkInterface}\"");
        }
    }

    private static void ValidateReservations(NetworkOptions n, IPNetwork subnet, ConfigErrors errors)
    {
        if (errors.Failed("network.reservations"))
        {
            return;
        }

        var macs = new HashSet<ulong>();
        var addresses = new HashSet<uint>();
        for (int i = 0; i < n.Reservations.Count; i++)
        {
            DhcpReservation r = n.Reservations[i];
            string key = $"network.reservations[{i}]";
            if (!IsHostAddress(subnet, r.Address) || r.Address.Equals(n.Address))
            {
                errors.Add(errors.LineOf(key + ".address"), key + ".address", $"expected a host address inside {subnet} other than the appliance's {n.Address}, found {r.Address}");
            }
            else if (!addresses.Add(ToUInt32(r.Address)))
            {
                errors.Add(errors.LineOf(key + ".address"), key + ".address", $"expected each reserved address once, found {r.Address} again");
            }

            if (!macs.Add(r.Mac.Value))
            {
                errors.Add(errors.LineOf(key + ".mac"), key + ".mac", $"expected each MAC address once, found {r.Mac} again");
            }
        }
    }

    private static void ValidateSolarEdge(SolarEdgeOptions s, ConfigErrors errors)
    {
        if (errors.Failed("solaredge.ports"))
        {
            return;
        }

        int line = errors.LineOf("solaredge.ports");
        if (s.Ports.Count == 0 && s.Mode != SolarEdgeMode.Off && !errors.Failed("solaredge.mode"))
        {
            errors.Add(line, "solaredge.ports", $"expected at least one port while solaredge.mode is {s.Mode.ToString().ToLowerInvariant()}, found an empty list");
        }

        foreach (IGrouping<int, int> repeated in s.Ports.GroupBy(p => p).Where(g => g.Count() > 1))
        {
            errors.Add(line, "solaredge.ports", $"expected each port once, found {repeated.Key} {repeated.Count()} times");
        }
    }

    private static bool IsHostAddress(IPNetwork subnet, IPAddress address)
    {
        if (!subnet.Contains(address))
        {
            return false;
        }

        uint a = ToUInt32(address), network = ToUInt32(subnet.BaseAddress);
        uint broadcast = network | (uint.MaxValue >> subnet.PrefixLength);
        return a != network && a != broadcast;
    }

    private static uint ToUInt32(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static string Found(ConfigErrors errors, string key, object value) =>
        errors.IsPresent(key) ? $"{value}" : $"{value} (the default)";
}
