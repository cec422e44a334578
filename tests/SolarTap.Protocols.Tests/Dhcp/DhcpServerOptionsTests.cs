using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

public class DhcpServerOptionsTests
{
    private static InetAddress A(string text) => InetAddress.Parse(text);

    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.Empty(new DhcpServerOptions().Validate());

    [Theory]
    [InlineData("10.0.0.1", 24, "10.0.0.10", "10.0.0.50", "")]
    [InlineData("10.0.0.1", 24, "10.0.1.10", "10.0.0.50", "pool start 10.0.1.10 is outside the subnet")]
    [InlineData("10.0.0.1", 24, "10.0.0.10", "10.0.0.255", "pool end 10.0.0.255 is outside the subnet")]
    [InlineData("10.0.0.1", 24, "10.0.0.50", "10.0.0.10", "is after pool end")]
    [InlineData("10.0.0.20", 24, "10.0.0.10", "10.0.0.50", "server address 10.0.0.20 is inside the pool")]
    [InlineData("10.0.0.0", 24, "10.0.0.10", "10.0.0.50", "network or broadcast address")]
    [InlineData("10.0.0.1", 31, "10.0.0.1", "10.0.0.1", "prefix length 31 is out of range")]
    public void Validate_AddressPlan_ReportsProblem(string server, int prefix, string start, string end, string expected)
    {
        var options = new DhcpServerOptions { ServerAddress = A(server), PrefixLength = prefix, PoolStart = A(start), PoolEnd = A(end) };
        IReadOnlyList<string> errors = options.Validate();
        if (expected.Length == 0)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_OtherSettings_ReportEachProblem()
    {
        var options = new DhcpServerOptions
        {
            Router = A("172.31.254.20"),
            DomainName = "bad name",
            LeaseTime = TimeSpan.FromSeconds(10),
            OfferTimeout = TimeSpan.Zero,
            DeclineHoldTime = TimeSpan.FromSeconds(-1),
            ServerAddress = A("172.31.254.1"),
        };
        options.DnsServers.Add(A("2001:db8::1"));
        options.Reservations.Add(new DhcpReservation(MacAddress.Parse("00:27:02:00:00:01"), A("172.31.254.1")));
        options.Reservations.Add(new DhcpReservation(MacAddress.Parse("00:27:02:00:00:01"), A("172.31.254.5")));
        options.Reservations.Add(new DhcpReservation(MacAddress.Parse("00:27:02:00:00:02"), A("172.31.254.5")));

        IReadOnlyList<string> errors = options.Validate();

        foreach (string expected in new[] { "router", "DNS", "domain name", "lease time", "offer timeout", "decline hold", "not the server", "listed twice", "two MACs" })
        {
            Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        }

        Assert.Throws<ArgumentException>(() => new DhcpServerEngine(options));
    }

    [Fact]
    public void Handle_ConfiguredRouterDnsDomainLease_Sent()
    {
        var options = new DhcpServerOptions { Router = A("172.31.254.254"), DomainName = "lan", LeaseTime = TimeSpan.FromHours(2) };
        options.DnsServers.Add(A("172.31.254.1"));
        options.DnsServers.Add(A("9.9.9.9"));
        var h = new EngineHarness(options);
        h.Send(new ClientPacket(DhcpMessageType.Discover));
        Assert.Equal(Hex.Bytes("ac1ffefe"), h.LastReply!.Option(DhcpOptionCodes.Router));
        Assert.Equal(Hex.Bytes("ac1ffe01 09090909"), h.LastReply.Option(DhcpOptionCodes.DomainNameServer));
        Assert.Equal(7200u, h.LastReply.OptionUInt32(DhcpOptionCodes.LeaseTime));
        Assert.Equal(3600u, h.LastReply.OptionUInt32(DhcpOptionCodes.RenewalTime));
        Assert.Equal(6300u, h.LastReply.OptionUInt32(DhcpOptionCodes.RebindingTime));
    }
}
