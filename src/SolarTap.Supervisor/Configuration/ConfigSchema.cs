using System.Net;
using YamlDotNet.RepresentationModel;

namespace SolarTap.Supervisor.Configuration;

/// <summary>
/// Every key of the configuration file and how its value is read (docs/configuration.md documents each one).
/// Values that parse are applied; a value that does not is reported and leaves the default in place.
/// </summary>
internal static partial class ConfigSchema
{
    private static ConfigSection<SupervisorOptions>? _root;

    /// <summary>The top level: one key per section. Built on first use, after every section's field is set.</summary>
    public static ConfigSection<SupervisorOptions> Root => _root ??= new(new Dictionary<string, Action<ConfigNode, SupervisorOptions>>
    {
        ["network"] = (n, o) => Network.Read(n, o.Network),
        ["dns"] = (n, o) => Dns.Read(n, o.Dns),
        ["solaredge"] = (n, o) => SolarEdge.Read(n, o.SolarEdge),
        ["journal"] = (n, o) => Journal.Read(n, o.Journal),
        ["mqtt"] = (n, o) => Mqtt.Read(n, o.Mqtt),
        ["jsonl"] = (n, o) => JsonLines.Read(n, o.JsonLines),
        ["sunspec"] = (n, o) => SunSpec.Read(n, o.SunSpec),
        ["rs485"] = (n, o) => Rs485.Read(n, o.Rs485),
        ["capture"] = (n, o) => Capture.Read(n, o.Capture),
        ["status"] = (n, o) => Status.Read(n, o.Status),
        ["leds"] = (n, o) =>
        {
            o.Leds.Required = true;
            Leds.Read(n, o.Leds);
        },
        ["oled"] = (n, o) =>
        {
            o.Oled.Required = true;
            Oled.Read(n, o.Oled);
        },
        ["web"] = (n, o) => Web.Read(n, o.Web),
    }); // docs/configuration.md lists the sections in this order

    private static readonly ConfigSection<StatusOptions> Status = new(new Dictionary<string, Action<ConfigNode, StatusOptions>>
    {
        ["socket"] = (n, o) => AbsolutePath(n, v =>
        {
            // sockaddr_un.sun_path holds 108 bytes including the terminating zero.
            if (System.Text.Encoding.UTF8.GetByteCount(v) > 107)
            {
                n.Fail("an absolute path of at most 107 bytes (the limit of a Unix socket address)");
                return;
            }

            o.Socket = v;
        }),
    });

    /// <summary>Every documented key, dotted: <c>network.interface</c>, <c>network.reservations.mac</c>, ...</summary>
    public static IReadOnlyList<string> AllKeys =>
    [
        .. Network.Keys.Select(k => $"network.{k}"),
        .. Reservation.Keys.Select(k => $"network.reservations.{k}"),
        .. Dns.Keys.Select(k => $"dns.{k}"),
        .. SolarEdge.Keys.Select(k => $"solaredge.{k}"),
        .. Journal.Keys.Select(k => $"journal.{k}"),
        .. Mqtt.Keys.Select(k => $"mqtt.{k}"),
        .. JsonLines.Keys.Select(k => $"jsonl.{k}"),
        .. SunSpec.Keys.Select(k => $"sunspec.{k}"),
        .. SunSpecDevice.Keys.Select(k => $"sunspec.devices.{k}"),
        .. Rs485.Keys.Select(k => $"rs485.{k}"),
        .. Capture.Keys.Select(k => $"capture.{k}"),
        .. Status.Keys.Select(k => $"status.{k}"),
        .. Leds.Keys.Select(k => $"leds.{k}"),
        .. Oled.Keys.Select(k => $"oled.{k}"),
        .. Web.Keys.Select(k => $"web.{k}"),
        .. LayoutRow.Keys.Select(k => $"web.layout.{k}"),
    ];

    /// <summary>Maps a parsed document onto <paramref name="options"/>, reporting into <paramref name="errors"/>.</summary>
    public static void Map(YamlNode root, SupervisorOptions options, ConfigErrors errors) =>
        Root.Read(new ConfigNode(root, "", errors), options);

    private static void AbsolutePath(ConfigNode node, Action<string> apply)
    {
        const string expected = "an absolute path (starting with /)";
        if (node.TryText(expected, out string text))
        {
            if (ConfigValues.IsAbsolutePath(text))
            {
                apply(text);
            }
            else
            {
                node.Fail(expected);
            }
        }
    }

    private static void IPv4(ConfigNode node, Action<IPAddress> apply)
    {
        const string expected = "an IPv4 address such as 192.168.50.100";
        if (node.TryText(expected, out string text))
        {
            if (ConfigValues.TryIPv4(text, out IPAddress address))
            {
                apply(address);
            }
            else
            {
                node.Fail(expected);
            }
        }
    }

    private static void Duration(ConfigNode node, TimeSpan min, TimeSpan max, string range, Action<TimeSpan> apply)
    {
        string expected = $"{ConfigValues.DurationExpected}, from {range}";
        if (node.TryText(expected, out string text))
        {
            if (ConfigValues.TryDuration(text, out TimeSpan value) && value >= min && value <= max)
            {
                apply(value);
            }
            else
            {
                node.Fail(expected);
            }
        }
    }

    private static void Choice<TEnum>(ConfigNode node, IReadOnlyDictionary<string, TEnum> choices, Action<TEnum> apply)
    {
        string expected = $"one of {string.Join(", ", choices.Keys)}";
        if (node.TryText(expected, out string text))
        {
            if (choices.TryGetValue(text, out TEnum? value))
            {
                apply(value);
            }
            else
            {
                node.Fail(expected);
            }
        }
    }

    private static void List<TItem>(ConfigNode node, string expectedItem, Func<ConfigNode, (bool Ok, TItem Value)> item, Action<List<TItem>> apply)
    {
        if (!node.TryList($"a list of {expectedItem}", out List<ConfigNode> items))
        {
            return;
        }

        var values = new List<TItem>(items.Count);
        bool allOk = true;
        foreach (ConfigNode child in items)
        {
            (bool ok, TItem value) = item(child);
            allOk &= ok;
            if (ok)
            {
                values.Add(value);
            }
        }

        if (allOk)
        {
            apply(values);
        }
    }

    private static (bool, T) Scalar<T>(ConfigNode node, string expected, TryParse<T> parse, T fallback)
    {
        if (node.TryText(expected, out string text))
        {
            if (parse(text, out T value))
            {
                return (true, value);
            }

            node.Fail(expected);
        }

        return (false, fallback);
    }

    private delegate bool TryParse<T>(string text, out T value);
}
