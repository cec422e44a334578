using SolarTap.Protocols.Dns;

namespace SolarTap.Protocols.Tests.Dns;

public class DnsForwardingTests
{
    private static readonly byte[] Query = DnsQueries.Query("example.org", DnsType.A, id: 0x1111);

    [Fact]
    public void IsReplyTo_MatchingReply_True()
    {
        Assert.True(DnsForwarding.IsReplyTo(Query, Reply(0x1111, "EXAMPLE.org", DnsType.A)));
    }

    [Theory]
    [InlineData(0x2222, "example.org", DnsType.A)] // other ID
    [InlineData(0x1111, "example.com", DnsType.A)] // other name
    [InlineData(0x1111, "example.org", DnsType.AAAA)] // other type
    public void IsReplyTo_Mismatch_False(int id, string name, DnsType type)
    {
        Assert.False(DnsForwarding.IsReplyTo(Query, Reply((ushort)id, name, type)));
    }

    [Fact]
    public void IsReplyTo_QueryInsteadOfReply_False()
    {
        Assert.False(DnsForwarding.IsReplyTo(Query, Query));
    }

    [Fact]
    public void IsReplyTo_ServFailWithoutQuestion_True_NoErrorWithoutQuestion_False()
    {
        Assert.True(DnsForwarding.IsReplyTo(Query, Hex.Bytes("1111 8182 0000 0000 0000 0000")));
        Assert.False(DnsForwarding.IsReplyTo(Query, Hex.Bytes("1111 8180 0000 0000 0000 0000")));
    }

    [Fact]
    public void WriteId_ChangesOnlyTheFirstTwoBytes()
    {
        byte[] reply = Reply(0x1111, "example.org", DnsType.A);
        byte[] original = [.. reply];

        DnsForwarding.WriteId(reply, 0xBEEF);

        Assert.Equal(0xBEEF, DnsForwarding.ReadId(reply));
        Assert.Equal(original[2..], reply[2..]);
    }

    private static byte[] Reply(ushort id, string name, DnsType type)
    {
        var message = new DnsMessage { Id = id, IsResponse = true, RecursionDesired = true, RecursionAvailable = true };
        message.Questions.Add(new DnsQuestion(DnsName.Parse(name), type));
        return message.ToArray();
    }
}
