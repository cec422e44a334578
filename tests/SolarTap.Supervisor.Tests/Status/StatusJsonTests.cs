using System.Net;
using System.Text;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Status;

public class StatusJsonTests
{
    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameSnapshot()
    {
        var model = new StatusModel(new ManualTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        model.SetState(SupervisorState.Running);
        model.SetConfigPath("/etc/solartap/solartap.yaml");
        model.CountSource("solaredge-server", "posts", 2);
        model.InverterOnLink(MacAddress.Parse("00:27:02:1a:08:23"), IPAddress.Parse("192.168.50.100"), "SE");
        model.InverterFirmwareSeen(null, IPAddress.Parse("192.168.50.100"), InverterFirmware.Tls);
        model.SetSink("mqtt", ComponentState.Failed, 7, "connection refused");
        StatusSnapshot snapshot = model.Snapshot();

        StatusSnapshot back = StatusJson.Deserialize(StatusJson.Serialize(snapshot));

        Assert.Equal(snapshot.State, back.State);
        Assert.Equal(snapshot.Summary, back.Summary);
        Assert.Equal(snapshot.ConfigPath, back.ConfigPath);
        Assert.Equal(snapshot.Inverters, back.Inverters);
        Assert.Equal(snapshot.Sinks, back.Sinks);
        Assert.Equal(snapshot.Sources[0].Counters, back.Sources[0].Counters);
    }

    [Fact]
    public void Serialize_UsesSnakeCaseAndLowerCaseStates()
    {
        var model = new StatusModel(TimeProvider.System);
        model.SetState(SupervisorState.ConfigurationError, ["f.yaml:1: x: expected \"y\""]);
        model.InverterFirmwareSeen("7F104920", null, InverterFirmware.EncryptedNoKey);

        string json = Encoding.UTF8.GetString(StatusJson.Serialize(model.Snapshot()));

        Assert.Contains("\"state\":\"configuration_error\"", json, StringComparison.Ordinal);
        Assert.Contains("\"config_path\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"firmware\":\"encrypted_no_key\"", json, StringComparison.Ordinal);
        Assert.Contains("\"last_post\":null", json, StringComparison.Ordinal);
        Assert.Contains("expected \\\"y\\\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
    }

    [Theory]
    [InlineData(SupervisorState.ConfigurationError, "configuration error")]
    [InlineData(SupervisorState.Running, "running")]
    public void Describe_State_ReadsAsText(SupervisorState state, string text)
    {
        Assert.Equal(text, StatusJson.Describe(state));
    }
}
