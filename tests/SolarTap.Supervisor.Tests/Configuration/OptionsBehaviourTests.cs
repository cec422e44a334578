using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

public class OptionsBehaviourTests
{
    [Theory]
    [InlineData("prod.solaredge.com", true)]
    [InlineData("PROD.SolarEdge.COM.", true)]
    [InlineData("a.b.solaredge.com", true)]
    [InlineData("solaredge.com", true)]
    [InlineData("notsolaredge.com", false)]
    [InlineData("solaredge.com.evil.org", false)]
    public void DnsIsLocal_Default_MatchesSolarEdgeComAndEveryNameUnderIt(string name, bool local)
    {
        Assert.Equal(local, new DnsOptions().IsLocal(name));
    }

    [Fact]
    public void DnsIsLocal_NameWithoutWildcard_IsTheSameZone()
    {
        var dns = new DnsOptions { LocalNames = ["monitoring.example.org"] };

        Assert.True(dns.IsLocal("monitoring.example.org"));
        Assert.True(dns.IsLocal("a.monitoring.example.org"));
        Assert.False(dns.IsLocal("example.org"));
    }

    [Fact]
    public void DnsLocalZones_WildcardAndPlainName_AreOneZone()
    {
        var dns = new DnsOptions { LocalNames = ["*.solaredge.com", "SolarEdge.com.", "example.org"] };

        Assert.Equal(["solaredge.com", "example.org"], dns.LocalZones);
    }

    [Theory]
    [InlineData("00:27:02:1a:08:23", true)]
    [InlineData("00:27:03:1a:08:23", false)]
    [InlineData("b8:27:eb:00:00:01", true)]
    public void NetworkIsAllowed_PrefixOrSingleMac(string mac, bool allowed)
    {
        var network = new NetworkOptions { AllowedMacs = [MacAddress.Parse("b8:27:eb:00:00:01")] };

        Assert.Equal(allowed, network.IsAllowed(MacAddress.Parse(mac)));
    }

    [Fact]
    public void ResolveTimeZone_System_IsTheLocalZone()
    {
        Assert.Equal(TimeZoneInfo.Local, new SolarEdgeOptions().ResolveTimeZone());
    }
}
