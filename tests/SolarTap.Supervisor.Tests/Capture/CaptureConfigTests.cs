using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Capture;

/// <summary>The capture section: interface and ports, validated with file, line and key.</summary>
public class CaptureConfigTests
{
    private const string File = "/boot/firmware/solartap.yaml";

    [Fact]
    public void Parse_Defaults_OffWithTheSolarEdgePorts()
    {
        CaptureOptions o = ConfigLoader.Parse("", File).Options.Capture;

        Assert.Null(o.Interface);
        Assert.False(o.Enabled);
        Assert.Equal([22222, 22221, 80], o.Ports);
    }

    [Fact]
    public void Parse_InterfaceAndPorts_AreApplied()
    {
        ConfigLoadResult result = ConfigLoader.Parse("capture:\n  interface: br0\n  ports: [22222, 8080, 22222]\n", File);

        Assert.Empty(result.Errors);
        Assert.Equal("br0", result.Options.Capture.Interface);
        Assert.True(result.Options.Capture.Enabled);
        Assert.Equal([22222, 8080], result.Options.Capture.Ports); // each port once
    }

    [Theory]
    [InlineData("none")]
    [InlineData("off")]
    public void Parse_InterfaceNoneOrOff_TurnsTheCaptureOff(string value)
    {
        ConfigLoadResult result = ConfigLoader.Parse($"capture:\n  interface: {value}\n", File);

        Assert.Empty(result.Errors);
        Assert.False(result.Options.Capture.Enabled);
    }

    [Theory]
    [InlineData("capture:\n  interface: br0/1\n", "capture.interface", "expected none or a network interface name such as eth0 (1 to 15 characters, no '/', ':' or spaces), found \"br0/1\"")]
    [InlineData("capture:\n  interface: a-bridge-name-too-long\n", "capture.interface", "expected none or a network interface name such as eth0 (1 to 15 characters, no '/', ':' or spaces), found \"a-bridge-name-too-long\"")]
    [InlineData("capture:\n  ports: [22222, 0]\n", "capture.ports[1]", "expected a TCP port number from 1 to 65535, found \"0\"")]
    [InlineData("capture:\n  ports: 22222\n", "capture.ports", "expected a list of TCP port numbers such as [22222, 22221, 80], at least one and at most 64, found \"22222\"")]
    public void Parse_BadValue_NamesFileLineKeyAndExpectation(string yaml, string key, string message)
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse(yaml, File).Errors);

        Assert.Equal(key, error.Key);
        Assert.Equal($"{File}:2: {key}: {message}", error.ToString());
    }

    [Fact]
    public void Parse_NoPorts_IsAnError()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("capture:\n  interface: br0\n  ports: []\n", File).Errors);

        Assert.Equal("capture.ports", error.Key);
        Assert.Contains(":3: capture.ports: expected TCP port numbers such as [22222, 22221, 80], at least one and at most 64", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MorePortsThanTheFilterTakes_IsAnError()
    {
        string ports = string.Join(", ", Enumerable.Range(1000, 65));

        ConfigError error = Assert.Single(ConfigLoader.Parse($"capture:\n  ports: [{ports}]\n", File).Errors);

        Assert.Equal("capture.ports", error.Key);
        Assert.Contains("at most 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_IsReported()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("capture:\n  interfaces: br0\n", File).Errors);

        Assert.Equal("capture.interfaces", error.Key);
        Assert.Equal(2, error.Line);
    }
}
