using SolarTap.Protocols.Dns;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Dns;

namespace SolarTap.Supervisor.Tests.Dns;

public class DnsEngineOptionsTests
{
    [Fact]
    public void From_Defaults_AnswerSolarEdgeComWithTheApplianceAndOfflineLocal()
    {
        DnsServerOptions options = DnsEngineOptions.From(new NetworkOptions(), new DnsOptions(), upstreamAvailable: true);

        Assert.Empty(options.Validate());
        Assert.Equal("192.168.50.1", options.ApplianceAddress);
        Assert.Equal(["solaredge.com"], options.LocalZones);
        Assert.Equal(Protocols.Dns.DnsOfflinePolicy.Local, options.OfflinePolicy);
        Assert.True(options.UpstreamAvailable);
    }

    [Fact]
    public void From_OfflineFail_Refuses()
    {
        var dns = new DnsOptions { Offline = Supervisor.Configuration.DnsOfflinePolicy.Fail };

        Assert.Equal(Protocols.Dns.DnsOfflinePolicy.Refuse, DnsEngineOptions.From(new NetworkOptions(), dns, false).OfflinePolicy);
    }
}
