using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

public class MqttTopicTests
{
    [Theory]
    [InlineData("a/b", true)]
    [InlineData("/", true)]
    [InlineData("sport/tennis/player1", true)]
    [InlineData("with space", true)]
    [InlineData("$SYS/broker", true)]
    [InlineData("homeassistant/sensor/solartap_7d1028e7/config", true)]
    [InlineData("", false)] // [MQTT-4.7.3-1]
    [InlineData("a/+", false)] // [MQTT-3.3.2-2]
    [InlineData("a/#", false)]
    [InlineData("a+b", false)]
    [InlineData("nul\0", false)] // [MQTT-1.5.3-2]
    public void IsValidName_Cases(string name, bool valid)
    {
        Assert.Equal(valid, MqttTopic.IsValidName(name));
        Assert.Equal(valid, MqttTopic.IsValidName(System.Text.Encoding.UTF8.GetBytes(name)));
    }

    [Fact]
    public void IsValidName_LoneSurrogate_IsInvalid() => // [MQTT-1.5.3-1]
        Assert.False(MqttTopic.IsValidName("lone\ud800surrogate"));

    [Theory]
    [InlineData("#", true)]
    [InlineData("+", true)]
    [InlineData("sport/#", true)]
    [InlineData("sport/tennis/#", true)]
    [InlineData("+/tennis/#", true)]
    [InlineData("sport/+/player1", true)]
    [InlineData("+/+", true)]
    [InlineData("/+", true)]
    [InlineData("homeassistant/status", true)]
    [InlineData("", false)]
    [InlineData("sport/tennis#", false)] // [MQTT-4.7.1-2]
    [InlineData("sport/tennis/#/ranking", false)]
    [InlineData("##", false)]
    [InlineData("sport+", false)] // [MQTT-4.7.1-3]
    [InlineData("sport/+x", false)]
    [InlineData("a\0b", false)]
    public void IsValidFilter_Cases(string filter, bool valid)
    {
        Assert.Equal(valid, MqttTopic.IsValidFilter(filter));
        Assert.Equal(valid, MqttTopic.IsValidFilter(System.Text.Encoding.UTF8.GetBytes(filter)));
    }

    // §4.7.1.2, §4.7.1.3, §4.7.2 examples.
    [Theory]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [InlineData("sport/#", "sport", true)]
    [InlineData("#", "anything/at/all", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [InlineData("sport/+", "sport", false)]
    [InlineData("sport/+", "sport/", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("#", "$SYS/broker", false)] // [MQTT-4.7.2-1]
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients", false)]
    [InlineData("$SYS/#", "$SYS/monitor/Clients", true)]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
    [InlineData("homeassistant/status", "homeassistant/status", true)]
    [InlineData("homeassistant/status", "homeassistant/Status", false)]
    [InlineData("a/b", "a/b/c", false)]
    public void Matches_SpecExamples(string filter, string name, bool matches) =>
        Assert.Equal(matches, MqttTopic.Matches(filter, name));

    [Fact]
    public void MqttText_Strings_FollowSection153()
    {
        Assert.True(MqttText.IsValid("\ufeffbom kept"u8)); // [MQTT-1.5.3-3]
        Assert.True(MqttText.IsValid("A\ud869\uded4"u8.ToArray())); // §1.5.3.1 example: U+2A6D4
        Assert.False(MqttText.IsValid(Hex.Bytes("41 00")));
        Assert.False(MqttText.IsValid(Hex.Bytes("ed a0 80"))); // an encoded surrogate
        Assert.False(MqttText.IsValid(Hex.Bytes("c0 80"))); // overlong U+0000
        Assert.False(MqttText.IsValid(new byte[65_536]));
        Assert.True(MqttText.IsValid(new string('x', 65_535)));
        Assert.False(MqttText.IsValid(new string('x', 65_536)));
        Assert.False(MqttText.IsValid((string?)null));
        Assert.Throws<ArgumentException>(() => MqttText.Write(new byte[10], "a\0"));
        Assert.Throws<ArgumentException>(() => MqttText.Write(new byte[3], "ab"));
        Assert.Equal(4, MqttText.Write(new byte[4], "ab"));
    }
}
