using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

public class OptionsBehaviourTests
{
    [Theory]
    [InlineData("prod.solaredge.com", true)]
    [InlineData("PROD.SolarEdge.COM.", true)]
    [InlineData("a.b.solaredge.com", true)]
    [InlineData("solaredge.com", false)]
    [InlineData("notsolaredge.com", false)]
    [InlineData("solaredge.com.evil.org", false)]
    public void DnsIsLocal_DefaultWildcard_MatchesEveryNameUnderSolarEdgeCom(string name, bool local)
    {
        Assert.Equal(local, new DnsOptions().IsLocal(name));
    }

    [Fact]
    public void DnsIsLocal_NameWithoutWildcard_MatchesOnlyItself()
    {
        var dns = new DnsOptions { LocalNames = ["solaredge.com"] };

        Assert.True(dns.IsLocal("solaredge.com"));
        Assert.False(dns.IsLocal("prod.solaredge.com"));
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
