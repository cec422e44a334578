using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Net;

public class CaptureFilterTests
{
    private static readonly TcpPacket FromInverter = new()
    {
        HasMacAddresses = true,
        SourceMac = MacAddress.Parse("00:27:02:1a:08:23"),
        DestinationMac = MacAddress.Parse("02:00:00:00:01:00"),
        Source = InetAddress.Parse("192.0.2.10"),
        SourcePort = 3051,
        Destination = InetAddress.Parse("198.51.100.20"),
        DestinationPort = 22222,
    };

    private static readonly TcpPacket ToInverter = FromInverter with
    {
        SourceMac = FromInverter.DestinationMac,
        DestinationMac = FromInverter.SourceMac,
        Source = FromInverter.Destination,
        SourcePort = FromInverter.DestinationPort,
        Destination = FromInverter.Source,
        DestinationPort = FromInverter.SourcePort,
    };

    [Fact]
    public void Matches_DefaultSolarEdgeFilter_KeepsOnlyTheInverterToServerDirection()
    {
        Assert.True(CaptureFilter.SolarEdgeInverters.Matches(FromInverter));
        Assert.False(CaptureFilter.SolarEdgeInverters.Matches(ToInverter));
        Assert.False(CaptureFilter.SolarEdgeInverters.Matches(FromInverter with { HasMacAddresses = false }));
    }

    [Fact]
    public void Matches_PortFilter_AcceptsEitherSide()
    {
        var filter = new CaptureFilter { Ports = [22222] };

        Assert.True(filter.Matches(FromInverter));
        Assert.True(filter.Matches(ToInverter));
        Assert.False(new CaptureFilter { Ports = [80] }.Matches(FromInverter));
    }

    [Fact]
    public void Matches_HostFilter_AcceptsEitherSide()
    {
        var filter = new CaptureFilter { Hosts = [InetAddress.Parse("192.0.2.10")] };

        Assert.True(filter.Matches(FromInverter));
        Assert.True(filter.Matches(ToInverter));
        Assert.False(new CaptureFilter { Hosts = [InetAddress.Parse("192.0.2.99")] }.Matches(FromInverter));
    }

    [Fact]
    public void Matches_SeveralConditions_AllMustHold()
    {
        var filter = CaptureFilter.SolarEdgeInverters with { Ports = [22222, 22221, 80], Hosts = [InetAddress.Parse("198.51.100.20")] };

        Assert.True(filter.Matches(FromInverter));
        Assert.False(filter.Matches(FromInverter with { DestinationPort = 443 }));
        Assert.True(CaptureFilter.Any.Matches(ToInverter));
    }
}
