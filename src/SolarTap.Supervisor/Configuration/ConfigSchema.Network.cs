using System.Net;
using SolarTap.Protocols.Net;
using YamlDotNet.RepresentationModel;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private const string InterfaceExpected = "a network interface name such as eth0 (1 to 15 characters, no '/', ':' or spaces)";

    private static readonly ConfigSection<NetworkOptions> Network = new(new Dictionary<string, Action<ConfigNode, NetworkOptions>>
    {
        ["interface"] = (n, o) =>
        {
            if (Scalar(n, InterfaceExpected, IsInterface, "") is (true, var name))
            {
                o.Interface = name;
            }
        },
        ["address"] = (n, o) =>
        {
            const string expected = "the appliance's IPv4 address with a prefix length from 8 to 30, such as 192.168.50.1/24";
            if (n.TryText(expected, out string text))
            {
                if (ConfigValues.TryCidr(text, out IPAddress address, out int prefix) && prefix is >= 8 and <= 30)
                {
                    o.Address = address;
                    o.PrefixLength = prefix;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["pool_start"] = (n, o) => IPv4(n, a => o.PoolStart = a),
        ["pool_end"] = (n, o) => IPv4(n, a => o.PoolEnd = a),
        ["lease_time"] = (n, o) => Duration(n, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30), "1m to 30d", v => o.LeaseTime = v),
        ["reservations"] = (n, o) => List(n, "reservations (mac:, address:, optional hostname:)", ReadReservation, v => o.Reservations = v),
        ["allowed_mac_prefixes"] = (n, o) => List(n, "MAC prefixes such as 00:27:02",
            item => Scalar(item, "a MAC prefix of 1 to 6 octets such as 00:27:02", TryMacPrefix, default(MacPrefix)), v => o.AllowedMacPrefixes = v),
        ["allowed_macs"] = (n, o) => List(n, "MAC addresses such as 00:27:02:1a:08:23",
            item => Scalar(item, "a MAC address such as 00:27:02:1a:08:23", TryMac, default(MacAddress)), v => o.AllowedMacs = v),
        ["dhcp_port"] = (n, o) => PortOrOff(n, "UDP", v => o.DhcpPort = v),
        ["lease_file"] = (n, o) => AbsolutePath(n, v => o.LeaseFile = v),
        ["uplink_interface"] = (n, o) =>
        {
            if (Scalar(n, $"none or {InterfaceExpected}", IsInterface, "") is (true, var name))
            {
                o.UplinkInterface = name == "none" ? null : name;
            }
        },
    });

    private static readonly ConfigSection<ReservationDraft> Reservation = new(new Dictionary<string, Action<ConfigNode, ReservationDraft>>
    {
        ["mac"] = (n, r) =>
        {
            (bool ok, MacAddress mac) = Scalar(n, "a MAC address such as 00:27:02:1a:08:23", TryMac, default(MacAddress));
            r.Failed |= !ok;
            r.Mac = ok ? mac : null;
        },
        ["address"] = (n, r) =>
        {
            r.Failed = true;
            IPv4(n, a => (r.Address, r.Failed) = (a, false));
        },
        ["hostname"] = (n, r) =>
        {
            (bool ok, string name) = Scalar(n, "a host name of letters, digits and '-', such as inverter-1", IsHost, "");
            r.Failed |= !ok;
            r.Hostname = ok ? name : null;
        },
    });

    private static (bool, DhcpReservation) ReadReservation(ConfigNode node)
    {
        DhcpReservation none = new(default, IPAddress.None);
        if (node.Node is not YamlMappingNode)
        {
            node.Fail("a reservation: a mapping with mac:, address: and optional hostname:");
            return (false, none);
        }

        node.Errors.Seen(node.Key, node.Line);
        var draft = new ReservationDraft();
        int before = node.Errors.All.Count;
        Reservation.Read(node, draft);
        if (node.Errors.All.Count != before || draft.Failed)
        {
            return (false, none);
        }

        if (draft.Mac is not { } mac || draft.Address is not { } address)
        {
            node.Errors.Add(node.Line, node.Key, "expected a reservation with both mac: and address:, found "
                + (draft.Mac is null ? "no mac:" : "no address:"));
            return (false, none);
        }

        return (true, new DhcpReservation(mac, address, draft.Hostname));
    }

    /// <summary>A port number from 1 to 65535, or <c>off</c> (null).</summary>
    private static void PortOrOff(ConfigNode node, string protocol, Action<int?> apply)
    {
        string expected = $"off, or a {protocol} port number from 1 to 65535";
        if (node.TryText(expected, out string text))
        {
            if (text == "off")
            {
                apply(null);
            }
            else if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535)
            {
                apply(port);
            }
            else
            {
                node.Fail(expected);
            }
        }
    }

    private static bool IsInterface(string text, out string value)
    {
        value = text;
        return ConfigValues.IsInterfaceName(text);
    }

    private static bool IsHost(string text, out string value)
    {
        value = text;
        return ConfigValues.IsHostName(text);
    }

    private static bool TryMac(string text, out MacAddress mac) => MacAddress.TryParse(text, out mac, out _);

    private static bool TryMacPrefix(string text, out MacPrefix prefix) => MacPrefix.TryParse(text, out prefix, out _);
}
