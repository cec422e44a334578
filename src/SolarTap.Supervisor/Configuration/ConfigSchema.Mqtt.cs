namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private const string TopicLevelsExpected = "topic levels such as solartap or home/solar (letters, digits, '_', '-', '/'; no '+', '#' or spaces; not starting or ending with '/')";

    private static readonly ConfigSection<MqttOptions> Mqtt = new(new Dictionary<string, Action<ConfigNode, MqttOptions>>
    {
        ["host"] = (n, o) => Text(n, "a host name or address such as 192.168.1.10 or broker.local", IsHost, v => o.Host = v),
        ["port"] = (n, o) =>
        {
            if (n.TryInteger("a TCP port number from 1 to 65535", 1, 65535, out long port))
            {
                o.Port = (int)port;
            }
        },
        ["tls"] = (n, o) =>
        {
            if (n.TryBoolean(out bool value))
            {
                o.Tls = value;
            }
        },
        ["ca_file"] = (n, o) => AbsolutePath(n, v => o.CaFile = v),
        ["client_cert"] = (n, o) => AbsolutePath(n, v => o.ClientCertificate = v),
        ["client_key"] = (n, o) => AbsolutePath(n, v => o.ClientKey = v),
        ["username"] = (n, o) => Text(n, "a user name (1 to 256 characters)", v => v.Length is > 0 and <= 256, v => o.UserName = v),
        ["password"] = (n, o) => Text(n, "a password (1 to 256 characters)", v => v.Length is > 0 and <= 256, v => o.Password = v),
        ["client_id"] = (n, o) => Text(n, "a client id of 1 to 23 letters, digits, '_' or '-'", IsClientId, v => o.ClientId = v),
        ["topic_prefix"] = (n, o) => Text(n, TopicLevelsExpected, IsTopicLevels, v => o.TopicPrefix = v),
        ["discovery_prefix"] = (n, o) => Text(n, $"none, or {TopicLevelsExpected}", v => v == "none" || IsTopicLevels(v), v => o.DiscoveryPrefix = v),
        ["qos"] = (n, o) =>
        {
            if (n.TryInteger("0 or 1", 0, 1, out long qos))
            {
                o.Qos = (int)qos;
            }
        },
        ["replay_rate"] = (n, o) =>
        {
            if (n.TryInteger("messages per second from 1 to 10000", 1, 10_000, out long rate))
            {
                o.ReplayRate = (int)rate;
            }
        },
    });

    private static void Text(ConfigNode node, string expected, Func<string, bool> valid, Action<string> apply)
    {
        if (node.TryText(expected, out string text))
        {
            if (valid(text))
            {
                apply(text);
            }
            else
            {
                node.Fail(expected);
            }
        }
    }

    private static bool IsHost(string text) =>
        text.Length is > 0 and <= 253 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':');

    // MQTT 3.1.1 §3.1.3.1: servers must accept 1-23 characters of [0-9a-zA-Z]; '_' and '-' are accepted by every common broker.
    private static bool IsClientId(string text) =>
        text.Length is > 0 and <= 23 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static bool IsTopicLevels(string text) =>
        text.Length is > 0 and <= 100 && !text.StartsWith('/') && !text.EndsWith('/') && !text.Contains("//", StringComparison.Ordinal)
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/');
}
