using YamlDotNet.RepresentationModel;

namespace SolarTap.Supervisor.Configuration;

/// <summary>The keys a YAML mapping may hold and how each is applied to <typeparamref name="T"/>; anything else is an unknown key.</summary>
internal sealed class ConfigSection<T>(IReadOnlyDictionary<string, Action<ConfigNode, T>> keys)
{
    public IEnumerable<string> Keys => keys.Keys;

    public void Read(ConfigNode node, T target)
    {
        if (node.IsEmpty)
        {
            return; // "section:" with nothing under it: all defaults
        }

        if (node.Node is not YamlMappingNode mapping)
        {
            node.Fail($"a mapping of {string.Join(", ", keys.Keys)}");
            return;
        }

        foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
        {
            string name = keyNode is YamlScalarNode { Value: { } k } ? k : ConfigNode.Describe(keyNode);
            string path = node.Key.Length == 0 ? name : $"{node.Key}.{name}";
            int line = checked((int)keyNode.Start.Line);
            if (!keys.TryGetValue(name, out Action<ConfigNode, T>? apply))
            {
                node.Errors.Add(line, path, $"unknown key, expected one of: {string.Join(", ", keys.Keys)}");
                continue;
            }

            node.Errors.Seen(path, line);
            apply(new ConfigNode(value, path, node.Errors), target);
        }
    }
}
