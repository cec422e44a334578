using SolarTap.Protocols.Dns;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dns;

public class DnsMessageTests
{
    private static readonly InetAddress Appliance = InetAddress.Parse("192.0.2.1");

    [Fact]
    public void TryRead_DigQueryWithCookieAndAd_ReadsEveryField()
    {
        DnsMessage query = DnsQueries.Read(DnsQueries.DigProd);

        Assert.Equal(0x1a2b, query.Id);
        Assert.False(query.IsResponse);
        Assert.Equal(DnsOpcode.Query, query.Opcode);
        Assert.True(query.RecursionDesired);
        Assert.True(query.AuthenticData);
        Assert.Equal(new DnsQuestion(DnsName.Parse("prod.solaredge.com"), DnsType.A, DnsClass.IN), Assert.Single(query.Questions));
        Assert.NotNull(query.Edns);
        Assert.Equal(1232, query.Edns.UdpPayloadSize);
        Assert.Equal(0, query.Edns.Version);
        Assert.False(query.Edns.DnssecOk);
        Assert.Equal("000a0008c15d3e77a01942f8", Hex.Of(query.Edns.Options.Span));
        Assert.Empty(query.Additionals);
    }

    [Fact]
    public void TryWrite_DigQuery_ReproducesTheBytes()
    {
        Assert.Equal(Hex.Of(DnsQueries.DigProd), Hex.Of(DnsQueries.Read(DnsQueries.DigProd).ToArray()));
    }

    [Fact]
    public void TryWrite_RepeatedNames_CompressedToPointersAndReadBack()
    {
        var message = Response("prod.solaredge.com");
        message.Answers.Add(DnsRecord.A(DnsName.Parse("prod.solaredge.com"), 60, Appliance));
        message.Authorities.Add(DnsRecord.Soa(DnsName.Parse("solaredge.com"), 60, DnsName.Parse("ns.solaredge.com"), DnsName.Parse("hostmaster.solaredge.com"), 1, 2, 3, 4, 5));
        message.Additionals.Add(DnsRecord.Mx(DnsName.Parse("solaredge.com"), 60, 10, DnsName.Parse("mail.solaredge.com")));

        byte[] bytes = message.ToArray();

        // Answer owner = pointer to the question at offset 12 (RFC 1035 §4.1.4).
        int answer = 12 + 20 + 4;
        Assert.Equal("c00c", Hex.Of(bytes.AsSpan(answer, 2)));
        // SOA owner = pointer to "solaredge.com" inside the question (offset 12 + 5).
        int soa = answer + 2 + 10 + 4;
        Assert.Equal("c011", Hex.Of(bytes.AsSpan(soa, 2)));
        DnsMessage back = DnsQueries.Read(bytes);
        Assert.Equal(message.Answers, back.Answers);
        Assert.Equal(message.Authorities, back.Authorities);
        Assert.Equal(message.Additionals, back.Additionals);
        Assert.True(bytes.Length < 12 + 24 + 16 + 60 + 40, $"compression should keep the message small, got {bytes.Length}");
    }

    [Fact]
    public void TryRead_PointerLoop_BadName()
    {
        // The QNAME is a pointer to itself (offset 12).
        byte[] bytes = Hex.Bytes("0001 0000 0001 0000 0000 0000 c00c 0001 0001");

        Assert.False(DnsMessage.TryRead(bytes, out _, out DnsReadError error));
        Assert.Equal(DnsReadError.BadName, error);
    }

    [Fact]
    public void TryRead_TwoPointersPointingAtEachOther_BadName()
    {
        // Answer owner at 29 points to 31, whose pointer goes back to 29: forward pointers are refused, so no loop.
        byte[] bytes = Hex.Bytes("0001 8000 0001 0001 0000 0000 01 61 00 0001 0001 c01f c01d 0001 0001 00000000 0000");

        Assert.False(DnsMessage.TryRead(bytes, out _, out DnsReadError error));
        Assert.Equal(DnsReadError.BadName, error);
    }

    [Fact]
    public void TryRead_LabelThenPointerBackIntoItself_BadName()
    {
        // At 12: label "a" then a pointer to 12 again: backwards from the pointer, but into the same name: a loop.
        byte[] bytes = Hex.Bytes("0001 0000 0001 0000 0000 0000 01 61 c00c 0001 0001");

        Assert.False(DnsMessage.TryRead(bytes, out _, out DnsReadError error));
        Assert.Equal(DnsReadError.BadName, error);
    }

    [Theory]
    [InlineData("c0ff")] // pointer past the end
    [InlineData("c0")] // cut pointer
    [InlineData("05 61 62")] // cut label
    [InlineData("40 61")] // 01 label type (RFC 6891 §5: obsolete)
    [InlineData("80 61")] // 10 label type
    public void TryRead_BrokenQuestionName_BadName(string name)
    {
        byte[] bytes = Hex.Bytes("0001 0000 0001 0000 0000 0000 " + name);

        Assert.False(DnsMessage.TryRead(bytes, out _, out DnsReadError error));
        Assert.Equal(DnsReadError.BadName, error);
    }

    [Fact]
    public void TryRead_CompressedNameOver255Octets_BadName()
    {
        // Question: 63-octet labels chained by pointers; each label is fine but the whole exceeds 255.
        var bytes = new List<byte>(Hex.Bytes("0001 0000 0005 0000 0000 0000"));
        int previous = -1;
        for (int i = 0; i < 5; i++)
        {
            int at = bytes.Count;
            bytes.Add(63);
            bytes.AddRange(Enumerable.Repeat((byte)'a', 63));
            if (previous < 0)
            {
                bytes.Add(0);
            }
            else
            {
                bytes.Add((byte)(0xC0 | (previous >> 8)));
                bytes.Add((byte)previous);
            }

            bytes.AddRange(Hex.Bytes("0001 0001"));
            previous = at;
        }

        Assert.False(DnsMessage.TryRead(bytes.ToArray(), out _, out DnsReadError error));
        Assert.Equal(DnsReadError.BadName, error);
    }

    [Fact]
    public void TryRead_ElevenBytes_HeaderTooShort()
    {
        Assert.False(DnsMessage.TryRead(new byte[11], out _, out DnsReadError error));
        Assert.Equal(DnsReadError.HeaderTooShort, error);
    }

    [Fact]
    public void TryRead_RdLengthPastEnd_Truncated()
    {
        byte[] bytes = Hex.Bytes("0001 8000 0000 0001 0000 0000 00 0001 0001 0000003c 0004 c000");

        Assert.False(DnsMessage.TryRead(bytes, out _, out DnsReadError error));
        Assert.Equal(DnsReadError.Truncated, error);
    }

    [Fact]
    public void TryRead_TwoOptRecords_BadOpt()
    {
        byte[] bytes = Hex.Bytes("0001 0000 0000 0000 0000 0002 00 0029 1000 00000000 0000 00 0029 1000 00000000 0000");

        Assert.False(DnsMessage.TryRead(bytes, out _, out DnsReadError error));
        Assert.Equal(DnsReadError.BadOpt, error);
    }

    [Fact]
    public void TryRead_CnameWithCompressedTarget_DataDecompressed()
    {
        byte[] bytes = Hex.Bytes("0001 8180 0001 0001 0000 0000 03 77 77 77 07 65 78 61 6d 70 6c 65 00 0005 0001 c00c 0005 0001 0000003c 0004 01 78 c010");

        DnsMessage message = DnsQueries.Read(bytes);

        DnsRecord cname = Assert.Single(message.Answers);
        Assert.Equal(DnsName.Parse("x.example").Wire.ToArray(), cname.Data.ToArray());
    }

    [Fact]
    public void TryWrite_MixedCaseQuestion_AnswerKeepsItsCase()
    {
        var message = Response("PrOd.SolarEdge.COM");
        message.Answers.Add(DnsRecord.A(DnsName.Parse("PrOd.SolarEdge.COM"), 60, Appliance));

        DnsMessage back = DnsQueries.Read(message.ToArray());

        Assert.Equal("PrOd.SolarEdge.COM", back.Questions[0].Name.ToString());
        Assert.Equal("PrOd.SolarEdge.COM", back.Answers[0].Name.ToString());
    }

    [Fact]
    public void TryWrite_ManyAnswersOver512_TruncatedAtWholeRecordWithTc()
    {
        DnsMessage message = ManyAnswers(60, edns: null);

        Assert.True(message.TryWrite(new byte[4096], out int written, DnsMessage.ClassicUdpSize));

        Assert.True(written <= 512);
        var buffer = new byte[4096];
        message.TryWrite(buffer, out written, DnsMessage.ClassicUdpSize);
        DnsMessage back = DnsQueries.Read(buffer.AsSpan(0, written));
        Assert.True(back.IsTruncated);
        Assert.Equal((512 - 12 - 24) / 16, back.Answers.Count); // 24 = question; 16 = pointer + fixed + 4 bytes
    }

    [Fact]
    public void TryWrite_OverEdnsSize_CutsAtThatSize_KeepsOpt()
    {
        DnsMessage message = ManyAnswers(200, DnsQueries.Edns(1232));
        var buffer = new byte[65535];

        Assert.True(message.TryWrite(buffer, out int written, 1232));

        Assert.True(written <= 1232);
        DnsMessage back = DnsQueries.Read(buffer.AsSpan(0, written));
        Assert.True(back.IsTruncated);
        Assert.NotNull(back.Edns);
        Assert.Equal((1232 - 12 - 24 - 11) / 16, back.Answers.Count);
    }

    [Fact]
    public void TryWrite_FitsInLimit_NoTc()
    {
        DnsMessage message = ManyAnswers(10, edns: null);
        var buffer = new byte[512];

        Assert.True(message.TryWrite(buffer, out int written, 512));

        DnsMessage back = DnsQueries.Read(buffer.AsSpan(0, written));
        Assert.False(back.IsTruncated);
        Assert.Equal(10, back.Answers.Count);
    }

    [Fact]
    public void TryWrite_BadVersResponse_ExtendedRcodeInOpt()
    {
        var message = Response("prod.solaredge.com");
        message.ResponseCode = DnsResponseCode.BadVers;
        message.Edns = DnsQueries.Edns();

        byte[] bytes = message.ToArray();

        Assert.Equal(0, bytes[3] & 0x0F); // header RCODE = 16 & 0xF
        Assert.Equal(DnsResponseCode.BadVers, DnsQueries.Read(bytes).ResponseCode);
    }

    private static DnsMessage Response(string name)
    {
        var message = new DnsMessage { Id = 7, IsResponse = true, RecursionDesired = true, RecursionAvailable = true };
        message.Questions.Add(new DnsQuestion(DnsName.Parse(name), DnsType.A));
        return message;
    }

    private static DnsMessage ManyAnswers(int count, DnsEdns? edns)
    {
        DnsMessage message = Response("prod.solaredge.com");
        message.Edns = edns;
        for (int i = 0; i < count; i++)
        {
            message.Answers.Add(DnsRecord.A(DnsName.Parse("prod.solaredge.com"), 60, InetAddress.FromIPv4(0xC0000200u + (uint)i)));
        }

        return message;
    }
}
