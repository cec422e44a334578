using System.Net;
using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Dhcp;

namespace SolarTap.Supervisor.Tests.Dhcp;

public class DhcpEngineOptionsTests
{
    [Fact]
    public void From_Defaults_ValidateAndAnswerOnlyTheSolarEdgePrefix()
    {
        DhcpServerOptions options = DhcpEngineOptions.From(new NetworkOptions());

        Assert.Empty(options.Validate());
        Assert.Equal(InetAddress.Parse("192.168.50.1"), options.ServerAddress);
        Assert.Equal(TimeSpan.FromHours(1), options.LeaseTime);
        var engine = new DhcpServerEngine(options);
        Assert.True(engine.IsAllowed(MacAddress.Parse("00:27:02:1a:08:23")));
        Assert.False(engine.IsAllowed(MacAddress.Parse("00:40:9d:00:00:01"))); // the Wi-Fi module prefix only when configured
        Assert.False(engine.IsAllowed(MacAddress.Parse("b8:27:eb:00:00:01")));
    }

    [Fact]
    public void From_ReservationsAndAllowedMacs_AreAnswered()
    {
        var network = new NetworkOptions
        {
            AllowedMacPrefixes = [MacPrefix.Parse("b8:27:eb")],
            AllowedMacs = [MacAddress.Parse("02:00:00:00:00:01")],
            Reservations = [new Supervisor.Configuration.DhcpReservation(MacAddress.Parse("02:00:00:00:00:02"), IPAddress.Parse("192.168.50.10"), "roof")],
        };

        var engine = new DhcpServerEngine(DhcpEngineOptions.From(network));

        Assert.True(engine.IsAllowed(MacAddress.Parse("b8:27:eb:00:00:01")));
        Assert.True(engine.IsAllowed(MacAddress.Parse("02:00:00:00:00:01")));
        Assert.True(engine.IsAllowed(MacAddress.Parse("02:00:00:00:00:02")));
        Assert.False(engine.IsAllowed(MacAddress.Parse("00:27:02:1a:08:23"))); // the list replaces the default
    }
}
