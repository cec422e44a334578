using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.SolarEdge;

/// <summary>The solaredge keys added with the server service: relay_server and clock_sync_file.</summary>
public class SolarEdgeConfigTests
{
    private const string File = "/boot/firmware/solartap.yaml";

    [Fact]
    public void Parse_Defaults_RelayServerAndClockSyncFile()
    {
        SolarEdgeOptions o = ConfigLoader.Parse("", File).Options.SolarEdge;

        Assert.Equal("prod.solaredge.com", o.RelayServer);
        Assert.Equal("/run/systemd/timesync/synchronized", o.ClockSyncFile);
    }

    [Theory]
    [InlineData("monitoring.example.org", "monitoring.example.org")]
    [InlineData("203.0.113.10", "203.0.113.10")]
    public void Parse_RelayServer_HostNameOrAddress(string value, string expected)
    {
        ConfigLoadResult result = ConfigLoader.Parse($"solaredge:\n  relay_server: {value}\n  clock_sync_file: /run/ntp-ok\n", File);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Options.SolarEdge.RelayServer);
        Assert.Equal("/run/ntp-ok", result.Options.SolarEdge.ClockSyncFile);
    }

    [Theory]
    [InlineData("solaredge:\n  relay_server: \"prod solaredge\"\n", "solaredge.relay_server", "expected a host name such as prod.solaredge.com, or an IP address, found \"prod solaredge\"")]
    [InlineData("solaredge:\n  clock_sync_file: synchronized\n", "solaredge.clock_sync_file", "expected an absolute path (starting with /), found \"synchronized\"")]
    public void Parse_BadValue_NamesKeyAndExpectation(string yaml, string key, string message)
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse(yaml, File).Errors);

        Assert.Equal(key, error.Key);
        Assert.Equal($"{File}:2: {key}: {message}", error.ToString());
    }
}
