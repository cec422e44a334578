using System.Net;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Dns;

namespace SolarTap.Supervisor.Tests.Dns;

public class DnsUpstreamTests
{
    private static readonly IPAddress Appliance = IPAddress.Parse("192.168.50.1");

    [Fact]
    public void Resolve_Configured_IsUsed()
    {
        var dns = new DnsOptions { Upstream = IPEndPoint.Parse("192.0.2.53:5353") };

        Assert.Equal(IPEndPoint.Parse("192.0.2.53:5353"), DnsUpstream.Resolve(dns, Appliance, "/nonexistent"));
    }

    [Fact]
    public void Resolve_System_TakesTheFirstUsableNameserver()
    {
        using var temp = new TempFolder();
        string conf = temp.Write("resolv.conf", "# comment\nsearch lan\nnameserver fe80::1\nnameserver 192.168.50.1\nnameserver\t198.51.100.1\nnameserver 198.51.100.2\n");

        Assert.Equal(IPEndPoint.Parse("198.51.100.1:53"), DnsUpstream.Resolve(new DnsOptions(), Appliance, conf));
    }

    [Fact]
    public void Resolve_SystemWithoutNameservers_IsNone()
    {
        using var temp = new TempFolder();

        Assert.Null(DnsUpstream.Resolve(new DnsOptions(), Appliance, temp.Write("resolv.conf", "search lan\n")));
        Assert.Null(DnsUpstream.Resolve(new DnsOptions(), Appliance, temp.File("missing")));
    }

    [Fact]
    public void Resolve_ConfiguredAsItself_IsNone()
    {
        var dns = new DnsOptions { Upstream = new IPEndPoint(Appliance, 53) };

        Assert.Null(DnsUpstream.Resolve(dns, Appliance, "/nonexistent"));
    }
}
