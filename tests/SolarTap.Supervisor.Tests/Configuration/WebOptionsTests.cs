using System.Net;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Web;

namespace SolarTap.Supervisor.Tests.Configuration;

/// <summary>The <c>web</c> section: address, port, password hash and layout, and the checks against other sections.</summary>
public class WebOptionsTests
{
    private const string File = "/etc/solartap/solartap.yaml";

    [Fact]
    public void Parse_NoWebSection_DefaultsServeOn8080BesideTheSolarEdgeServer()
    {
        SupervisorOptions options = ConfigLoader.Parse("", File).Options;

        Assert.True(options.Web.Enabled);
        Assert.Equal(IPAddress.Any, options.Web.Address);
        Assert.Null(options.Web.PasswordHash);
        Assert.Empty(options.Web.Layout);
        Assert.Equal(WebOptions.AlternatePort, options.Web.EffectivePort(options.SolarEdge));
    }

    [Fact]
    public void EffectivePort_SolarEdgeWithoutPort80_Is80()
    {
        ConfigLoadResult result = ConfigLoader.Parse("solaredge:\n  ports: [22222]\n", File);

        Assert.Equal(80, result.Options.Web.EffectivePort(result.Options.SolarEdge));
    }

    [Fact]
    public void Parse_FullSection_AppliesEveryKey()
    {
        string hash = WebPassword.Hash("secret", 10_000);
        ConfigLoadResult result = ConfigLoader.Parse($"""
            web:
              address: 192.168.1.20
              port: 8081
              password_hash: {hash}
              layout:
                - name: South roof
                  optimizers: [2023765d, 2023765E]
                - name: East
                  optimizers:
                    - 20237700
            """, File);

        Assert.Empty(result.Errors);
        WebOptions web = result.Options.Web;
        Assert.Equal(IPAddress.Parse("192.168.1.20"), web.Address);
        Assert.Equal(8081, web.EffectivePort(result.Options.SolarEdge));
        Assert.Equal(hash, web.PasswordHash);
        Assert.Equal(["South roof", "East"], web.Layout.Select(r => r.Name));
        Assert.Equal(["2023765D", "2023765E"], web.Layout[0].Optimizers);
    }

    [Fact]
    public void Parse_PortOff_TurnsThePageOff()
    {
        Assert.False(ConfigLoader.Parse("web:\n  port: off\n", File).Options.Web.Enabled);
    }

    [Fact]
    public void Parse_PasswordInsteadOfHash_ReportsHowToMakeOne()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("web:\n  password_hash: hunter2\n", File).Errors);

        Assert.Equal($"{File}:2: web.password_hash: expected a password hash made by 'solartap web hash-password' (pbkdf2-sha256$...), found \"hunter2\"", error.ToString());
    }

    [Fact]
    public void Parse_PortOfTheSolarEdgeServer_IsAnError()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("web:\n  port: 80\n", File).Errors);

        Assert.Equal("web.port", error.Key);
        Assert.Contains("a port the SolarEdge server does not listen on (solaredge.ports: 22222, 22221, 80), found 80", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PortOfTheSolarEdgeServerOnAnotherAddress_IsFine()
    {
        Assert.Empty(ConfigLoader.Parse("web:\n  address: 192.168.1.20\n  port: 80\n", File).Errors);
    }

    [Fact]
    public void Parse_SerialTwiceInTheLayout_IsAnError()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("""
            web:
              layout:
                - { name: A, optimizers: [2023765D] }
                - { name: B, optimizers: [2023765d] }
            """, File).Errors);

        Assert.Equal("web.layout[1].optimizers: expected each optimizer once in the layout, found 2023765D again", $"{error.Key}: {error.Message}");
    }

    [Fact]
    public void Parse_RowWithoutOptimizers_IsAnError()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("web:\n  layout:\n    - name: A\n", File).Errors);

        Assert.Equal("web.layout[0]", error.Key);
        Assert.Contains("found no optimizers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SerialNotHex_IsAnError()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("web:\n  layout:\n    - { name: A, optimizers: [roof-1] }\n", File).Errors);

        Assert.Equal("web.layout[0].optimizers[0]", error.Key);
    }
}
