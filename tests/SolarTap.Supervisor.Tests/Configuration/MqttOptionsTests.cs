using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

public class MqttOptionsTests
{
    [Fact]
    public void Parse_EveryMqttKey_MapsEachValue()
    {
        const string yaml = """
            mqtt:
              host: 192.168.1.10
              port: 8883
              tls: true
              ca_file: /etc/solartap/ca.pem
              client_cert: /etc/solartap/c.pem
              client_key: /etc/solartap/c.key
              username: solar
              password: s3cret
              client_id: roof-1
              topic_prefix: home/solar
              discovery_prefix: ha
              qos: 0
              replay_rate: 200
            journal:
              max_age: 30d
              max_size: 500MB
              unknown_frames: 50
            """;

        ConfigLoadResult result = ConfigLoader.Parse(yaml, "solartap.yaml");

        Assert.Empty(result.Errors);
        MqttOptions m = result.Options.Mqtt;
        Assert.True(m.Enabled);
        Assert.Equal(("192.168.1.10", 8883, true), (m.Host, m.Port, m.Tls));
        Assert.Equal(("/etc/solartap/ca.pem", "/etc/solartap/c.pem", "/etc/solartap/c.key"), (m.CaFile, m.ClientCertificate, m.ClientKey));
        Assert.Equal(("solar", "s3cret", "roof-1"), (m.UserName, m.Password, m.ClientId));
        Assert.Equal(("home/solar", "ha", 0, 200), (m.TopicPrefix, m.DiscoveryPrefix, m.Qos, m.ReplayRate));
        Assert.Equal("home/solar/roof-1/availability", m.AvailabilityTopic);
        Assert.Equal(TimeSpan.FromDays(30), result.Options.Journal.MaxAge);
        Assert.Equal(500L * 1024 * 1024, result.Options.Journal.MaxSizeBytes);
        Assert.Equal(50, result.Options.Journal.UnknownFrames);
    }

    [Fact]
    public void Defaults_MqttIsOffWithHomeAssistantDefaults()
    {
        var m = new MqttOptions();

        Assert.False(m.Enabled);
        Assert.Equal((1883, "solartap", "solartap", "homeassistant", 1), (m.Port, m.ClientId, m.TopicPrefix, m.DiscoveryPrefix, m.Qos));
    }
}
