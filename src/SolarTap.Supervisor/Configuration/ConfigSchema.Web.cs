using YamlDotNet.RepresentationModel;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private const string SerialExpected = "an optimizer serial such as 2023765D (hex digits, as the readings show it)";

    private static readonly ConfigSection<WebOptions> Web = new(new Dictionary<string, Action<ConfigNode, WebOptions>>
    {
        ["address"] = (n, o) =>
        {
            const string expected = "an IP address to listen on, such as 0.0.0.0 (every IPv4 address) or 192.168.1.20";
            if (n.TryText(expected, out string text))
            {
                if (ConfigValues.TryIPAddress(text, out System.Net.IPAddress address))
                {
                    o.Address = address;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["port"] = (n, o) =>
        {
            // 0 (a free port) is for tests and the demo; "off" turns the page off.
            const string expected = "off, or a TCP port number from 1 to 65535";
            if (n.TryText(expected, out string text))
            {
                if (text == "off")
                {
                    o.Enabled = false;
                }
                else if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port <= 65535)
                {
                    o.Port = port;
                }
                else
                {
                    n.Fail(expected);
                }
            }
        },
        ["password_hash"] = (n, o) => Text(n, "a password hash made by 'solartap web hash-password' (pbkdf2-sha256$...)",
            global::SolarTap.Supervisor.Web.WebPassword.IsValidHash, v => o.PasswordHash = v),
        ["layout"] = (n, o) => List(n, "rows (name:, optimizers:)", ReadLayoutRow, v => o.Layout = v),
    });

    private static readonly ConfigSection<LayoutRowDraft> LayoutRow = new(new Dictionary<string, Action<ConfigNode, LayoutRowDraft>>
    {
        ["name"] = (n, r) => Text(n, "a row name of 1 to 40 characters, such as South roof", v => v.Length is > 0 and <= 40, v => r.Name = v),
        ["optimizers"] = (n, r) => List(n, "optimizer serials such as 2023765D",
            item => Scalar(item, SerialExpected, TrySerial, ""), v => r.Optimizers = v),
    });

    private static (bool, WebLayoutRow) ReadLayoutRow(ConfigNode node)
    {
        WebLayoutRow none = new("", []);
        if (node.Node is not YamlMappingNode)
        {
            node.Fail("a row: a mapping with name: and optimizers:");
            return (false, none);
        }

        node.Errors.Seen(node.Key, node.Line);
        var draft = new LayoutRowDraft();
        int before = node.Errors.All.Count;
        LayoutRow.Read(node, draft);
        if (node.Errors.All.Count != before)
        {
            return (false, none);
        }

        if (draft.Name is not { } name || draft.Optimizers.Count == 0)
        {
            node.Errors.Add(node.Line, node.Key, "expected a row with name: and at least one serial in optimizers:, found "
                + (draft.Name is null ? "no name:" : "no optimizers"));
            return (false, none);
        }

        return (true, new WebLayoutRow(name, draft.Optimizers));
    }

    private static bool TrySerial(string text, out string serial)
    {
        serial = text.ToUpperInvariant();
        return text.Length is > 0 and <= 16 && text.All(char.IsAsciiHexDigit);
    }

}
