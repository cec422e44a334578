using SolarTap.Protocols.Dns;

namespace SolarTap.Protocols.Tests.Dns;

public class DnsServerOptionsTests
{
    [Fact]
    public void Validate_DefaultsWithAddress_NoProblems()
    {
        Assert.Empty(new DnsServerOptions { ApplianceAddress = "192.0.2.1" }.Validate());
    }

    [Fact]
    public void Validate_EveryBadValue_OneMessageEach()
    {
        var options = new DnsServerOptions
        {
            ApplianceAddress = "2001:db8::1",
            ApplianceIPv6Address = "192.0.2.1",
            HostName = "a..b",
            LocalZones = ["solaredge.com", new string('x', 64) + ".com"],
            TlsNames = [""],
            TtlSeconds = -1,
            MaxUdpPayloadSize = 100,
            MaxRememberedNames = 0,
            OfflinePolicy = (DnsOfflinePolicy)9,
        };

        IReadOnlyList<string> problems = options.Validate();

        Assert.Equal(9, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("dns.applianceAddress:", StringComparison.Ordinal) && p.Contains("IPv6", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("dns.localZones:", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsWithMessages()
    {
        var error = Assert.Throws<ArgumentException>(() => new DnsServerEngine(new DnsServerOptions()));

        Assert.Contains("dns.applianceAddress", error.Message, StringComparison.Ordinal);
    }
}
