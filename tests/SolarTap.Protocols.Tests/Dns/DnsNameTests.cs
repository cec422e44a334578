using SolarTap.Protocols.Dns;

namespace SolarTap.Protocols.Tests.Dns;

public class DnsNameTests
{
    [Fact]
    public void Parse_PlainName_WireHasLengthPrefixedLabels()
    {
        DnsName name = DnsName.Parse("prod.solaredge.com.");

        Assert.Equal("0470726f6409736f6c617265646765 03636f6d00", Hex.Of(name.Wire).Insert(30, " "));
        Assert.Equal(3, name.LabelCount);
        Assert.Equal("prod.solaredge.com", name.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    public void Parse_Root_IsRoot(string text)
    {
        Assert.True(DnsName.Parse(text).IsRoot);
        Assert.Equal(".", DnsName.Parse(text).ToString());
    }

    [Fact]
    public void Parse_Label63_Accepted_Label64_Refused()
    {
        Assert.True(DnsName.TryParse(new string('a', 63) + ".com", out _));
        Assert.False(DnsName.TryParse(new string('a', 64) + ".com", out _));
    }

    [Fact]
    public void Parse_Name255Octets_Accepted_256Refused()
    {
        // Four labels of 63 (4 × 64 = 256 octets with length bytes) is too long; three of 63 and one of 61 plus root = 255.
        string longest = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 61));
        string tooLong = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 62));

        Assert.Equal(255, DnsName.Parse(longest).WireLength);
        Assert.False(DnsName.TryParse(tooLong, out _));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("..")]
    [InlineData("\u00e9t\u00e9.fr")]
    [InlineData("trailing\\")]
    public void TryParse_Invalid_False(string text) => Assert.False(DnsName.TryParse(text, out _));

    [Fact]
    public void ToString_SpecialBytes_Escaped_AndParsesBack()
    {
        DnsName name = DnsName.Parse("a\\.b\\\\c\\000.example");

        Assert.Equal(2, name.LabelCount);
        Assert.Equal("a\\.b\\\\c\\000.example", name.ToString());
        Assert.True(name.EqualsExactly(DnsName.Parse(name.ToString())));
    }

    [Fact]
    public void Equals_DifferentCase_EqualWithSameHash_ButNotExactly()
    {
        DnsName lower = DnsName.Parse("prodssl.solaredge.com");
        DnsName mixed = DnsName.Parse("ProdSSL.SolarEdge.COM");

        Assert.Equal(lower, mixed);
        Assert.Equal(lower.GetHashCode(), mixed.GetHashCode());
        Assert.False(lower.EqualsExactly(mixed));
        Assert.Equal("prodssl.solaredge.com", mixed.ToLowerText());
    }

    [Theory]
    [InlineData("solaredge.com", true)]
    [InlineData("prod.SolarEdge.com", true)]
    [InlineData("a.b.solaredge.com", true)]
    [InlineData("notsolaredge.com", false)]
    [InlineData("solaredge.com.evil", false)]
    [InlineData("com", false)]
    public void IsAtOrBelow_ZoneSolarEdge(string text, bool expected) =>
        Assert.Equal(expected, DnsName.Parse(text).IsAtOrBelow(DnsName.Parse("solaredge.com")));
}
