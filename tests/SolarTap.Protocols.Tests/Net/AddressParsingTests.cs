using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Net;

public class AddressParsingTests
{
    [Theory]
    [InlineData("00:27:02", "00:27:02")]
    [InlineData("00-40-9D", "00:40:9d")]
    [InlineData("0004f3", "00:04:f3")]
    [InlineData(" 0:27:2 ", "00:27:02")]
    [InlineData("00:27:02:1a:08:23", "00:27:02:1a:08:23")]
    public void MacPrefixTryParse_UserText_Normalises(string text, string expected)
    {
        Assert.True(MacPrefix.TryParse(text, out MacPrefix prefix, out string? error), error);
        Assert.Equal(expected, prefix.ToString());
    }

    [Theory]
    [InlineData("", "A MAC prefix is empty; expected hex octets such as 00:27:02.")]
    [InlineData("00:27:0g", "'00:27:0g' is not a MAC prefix: 'g' in octet 3 is not a hex digit (e.g. 00:27:02).")]
    [InlineData("00::02", "'00::02' is not a MAC prefix: octet 2 ('') must be one or two hex digits (e.g. 00:27:02).")]
    [InlineData("002:7", "'002:7' is not a MAC prefix: octet 1 ('002') must be one or two hex digits (e.g. 00:27:02).")]
    [InlineData("00:27:02:1a:08:23:99", "'00:27:02:1a:08:23:99' is not a MAC prefix: it has 7 octets, at most 6 are allowed.")]
    [InlineData("00270", "'00270' is not a MAC prefix: without separators it needs an even number of hex digits (e.g. 00:27:02).")]
    public void MacPrefixTryParse_BadText_ExplainsWhy(string text, string message)
    {
        Assert.False(MacPrefix.TryParse(text, out _, out string? error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void MacAddressTryParse_Prefix_SaysSixOctetsAreNeeded()
    {
        Assert.False(MacAddress.TryParse("00:27:02", out _, out string? error));
        Assert.Equal("'00:27:02' is not a MAC address: it has 3 octets, a MAC address has 6 (e.g. 00:27:02:1a:08:23).", error);
        Assert.Equal(0x0027021a0823UL, MacAddress.Parse("00:27:02:1a:08:23").Value);
    }

    [Fact]
    public void MacPrefixMatches_SolarEdgeOuis_MatchOnlyTheirVendors()
    {
        Assert.Equal(["00:27:02", "00:40:9d", "00:04:f3"], InverterOuis.SolarEdge.Select(p => p.ToString()));
        Assert.Contains(InverterOuis.SolarEdge, p => p.Matches(MacAddress.Parse("00:27:02:1a:08:23")));
        Assert.Contains(InverterOuis.SolarEdge, p => p.Matches(MacAddress.Parse("00:04:f3:00:00:01")));
        Assert.DoesNotContain(InverterOuis.SolarEdge, p => p.Matches(MacAddress.Parse("00:27:03:1a:08:23")));
        Assert.False(default(MacPrefix).Matches(default));
    }

    [Theory]
    [InlineData("192.0.2.10", true)]
    [InlineData("2001:db8::10", false)]
    [InlineData("::ffff:192.0.2.10", false)]
    public void InetAddressTryParse_Addresses_RoundTrip(string text, bool isIPv4)
    {
        Assert.True(InetAddress.TryParse(text, out InetAddress address, out string? error), error);
        Assert.Equal(isIPv4, address.IsIPv4);
        Assert.Equal(text, address.ToString());
        Assert.Equal(address, InetAddress.FromIPAddress(address.ToIPAddress()));
    }

    [Theory]
    [InlineData("192.0.2", "'192.0.2' is not an IPv4 address: expected four decimal numbers 0-255 separated by dots, e.g. 192.0.2.10.")]
    [InlineData("192.0.2.256", "'192.0.2.256' is not an IPv4 address: expected four decimal numbers 0-255 separated by dots, e.g. 192.0.2.10.")]
    [InlineData("0x7f.0.0.1", "'0x7f.0.0.1' is not an IPv4 address: expected four decimal numbers 0-255 separated by dots, e.g. 192.0.2.10.")]
    [InlineData("2001:db8:::1", "'2001:db8:::1' is not an IPv6 address (expected e.g. 2001:db8::10).")]
    [InlineData(" ", "An IP address is empty; expected e.g. 192.0.2.10 or 2001:db8::10.")]
    public void InetAddressTryParse_BadText_ExplainsWhy(string text, string message)
    {
        Assert.False(InetAddress.TryParse(text, out _, out string? error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void InetAddress_IPv4AndItsMappedIPv6Form_AreDifferent()
        => Assert.NotEqual(InetAddress.Parse("192.0.2.10"), InetAddress.Parse("::ffff:192.0.2.10"));

    [Theory]
    [InlineData("22222", true, "")]
    [InlineData("0", false, "'0' is not a TCP port: expected a whole number from 1 to 65535, e.g. 22222.")]
    [InlineData("65536", false, "'65536' is not a TCP port: expected a whole number from 1 to 65535, e.g. 22222.")]
    [InlineData("-1", false, "'-1' is not a TCP port: expected a whole number from 1 to 65535, e.g. 22222.")]
    public void CaptureFilterTryParsePort_Text_AcceptsOnlyRealPorts(string text, bool ok, string message)
    {
        Assert.Equal(ok, CaptureFilter.TryParsePort(text, out _, out string? error));
        Assert.Equal(message, error ?? "");
    }
}
