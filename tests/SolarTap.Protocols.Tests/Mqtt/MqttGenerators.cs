using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

/// <summary>FsCheck generators for valid topic names, filters and CONNECT fields.</summary>
internal static class MqttGenerators
{
    private static readonly Gen<string> Level =
        Gen.Elements("", "solar", "a", "homeassistant", "status", "$SYS", "ünï", "日本", "sp ace", "x1", "\ufeff")
            .Or(Gen.Choose(0, 20).Select(n => new string('z', n)));

    public static Gen<string> TopicName { get; } =
        Level.ArrayOf().Where(l => l.Length > 0).Select(l => string.Join('/', l)).Where(t => t.Length > 0);

    public static Gen<string> TopicFilter { get; } =
        from levels in Gen.Elements("+", "solar", "", "a", "ü").ArrayOf().Where(l => l.Length > 0)
        from hash in ArbMap.Default.GeneratorFor<bool>()
        let text = string.Join('/', hash ? [.. levels, "#"] : levels)
        where text.Length > 0
        select text;

    public static Gen<MqttConnect> Connect { get; } =
        from id in Gen.Elements("", "a", "solartap-7d1028e7", "日本")
        from clean in ArbMap.Default.GeneratorFor<bool>()
        from keepAlive in Gen.Choose(0, 65_535)
        from hasWill in ArbMap.Default.GeneratorFor<bool>()
        from willTopic in TopicName
        from willPayload in ArbMap.Default.GeneratorFor<byte[]>()
        from willQos in Gen.Elements(MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce)
        from willRetain in ArbMap.Default.GeneratorFor<bool>()
        from user in Gen.Elements<string?>(null, "", "user", "ünï")
        from password in Gen.Elements<byte[]?>(null, [], [0, 1, 255])
        select new MqttConnect
        {
            ClientId = id,
            CleanSession = clean || id.Length == 0,
            KeepAliveSeconds = (ushort)keepAlive,
            Will = hasWill ? new MqttMessage(willTopic, willPayload, willQos, willRetain) : null,
            UserName = user ?? (password is null ? null : "u"),
            Password = password,
        };
}
