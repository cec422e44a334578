using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SolarTap.Supervisor.Configuration;

/// <summary>A YAML value with its dotted key, and helpers that report a wrong shape as "expected ..., found ...".</summary>
internal readonly struct ConfigNode(YamlNode node, string key, ConfigErrors errors)
{
    public YamlNode Node { get; } = node;

    public string Key { get; } = key;

    public ConfigErrors Errors { get; } = errors;

    public int Line => checked((int)Node.Start.Line);

    /// <summary>A plain empty value (<c>key:</c> with nothing after it, or <c>~</c>, <c>null</c>).</summary>
    public bool IsEmpty => Node is YamlScalarNode { Style: ScalarStyle.Plain } s && s.Value is null or "" or "~" or "null";

    public void Fail(string expected) => Errors.Add(Line, Key, $"expected {expected}, found {Describe(Node)}");

    /// <summary>The text of a non-empty scalar, or an error naming <paramref name="expected"/>.</summary>
    public bool TryText(string expected, out string text)
    {
        if (Node is YamlScalarNode { Value: { } value } && !IsEmpty)
        {
            text = value.Trim();
            return true;
        }

        Fail(expected);
        text = "";
        return false;
    }

    public bool TryInteger(string expected, long min, long max, out long value)
    {
        value = 0;
        if (!TryText(expected, out string text))
        {
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            Fail(expected);
            return false;
        }

        return true;
    }

    public bool TryBoolean(out bool value)
    {
        value = false;
        const string expected = "true or false";
        if (!TryText(expected, out string text))
        {
            return false;
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                Fail(expected);
                return false;
        }
    }

    /// <summary>The items of a list; an empty value is an empty list.</summary>
    public bool TryList(string expected, out List<ConfigNode> items)
    {
        items = [];
        if (IsEmpty)
        {
            return true;
        }

        if (Node is not YamlSequenceNode sequence)
        {
            Fail(expected);
            return false;
        }

        int index = 0;
        foreach (YamlNode child in sequence.Children)
        {
            items.Add(new ConfigNode(child, $"{Key}[{index++}]", Errors));
        }

        return true;
    }

    /// <summary>A person's description of a value: the quoted text, "a list", "a mapping" or "nothing".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => "nothing",
        YamlScalarNode s => $"\"{s.Value}\"",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping (key: value lines)",
        _ => "an alias",
    };
}
