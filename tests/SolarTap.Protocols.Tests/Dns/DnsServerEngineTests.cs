using SolarTap.Protocols.Dns;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dns;

public class DnsServerEngineTests
{
    private static readonly DnsClientInfo Inverter = new(InetAddress.Parse("192.0.2.2"));
    private static readonly DnsServerOptions Defaults = new() { ApplianceAddress = "192.0.2.1" };
    private readonly byte[] _response = new byte[65535];

    [Fact]
    public void Handle_DigQueryForProd_AnswersApplianceAddressWithOptAndCaseKept()
    {
        var engine = new DnsServerEngine(Defaults);

        DnsDecision decision = engine.Handle(DnsQueries.DigProd, Inverter, _response);

        Assert.Equal(DnsDecisionKind.Answer, decision.Kind);
        DnsMessage response = DnsQueries.Read(_response.AsSpan(0, decision.ResponseLength));
        Assert.Equal(0x1a2b, response.Id);
        Assert.True(response.IsResponse && response.IsAuthoritative && response.RecursionDesired && response.RecursionAvailable);
        Assert.False(response.AuthenticData);
        Assert.Equal(DnsResponseCode.NoError, response.ResponseCode);
        Assert.Equal(DnsRecord.A(DnsName.Parse("prod.solaredge.com"), 60, InetAddress.Parse("192.0.2.1")), Assert.Single(response.Answers));
        Assert.NotNull(response.Edns);
        Assert.Equal(1232, response.Edns.UdpPayloadSize);
        Assert.True(response.Edns.Options.IsEmpty); // no server cookie: the option is not echoed (RFC 7873 §5.2.1)
        Assert.Equal("prod.solaredge.com", decision.FirstAskedName);
        Assert.Null(decision.TlsFirmwareName);
    }

    [Fact]
    public void Handle_MixedCaseName_QuestionAndAnswerKeepQueryCase()
    {
        var engine = new DnsServerEngine(Defaults);

        DnsDecision decision = engine.Handle(DnsQueries.Query("PrOd.SoLaReDgE.cOm", DnsType.A), Inverter, _response);

        DnsMessage response = DnsQueries.Read(_response.AsSpan(0, decision.ResponseLength));
        Assert.Equal("PrOd.SoLaReDgE.cOm", response.Questions[0].Name.ToString());
        Assert.Equal("PrOd.SoLaReDgE.cOm", response.Answers[0].Name.ToString());
        Assert.Equal("prod.solaredge.com", decision.FirstAskedName);
    }

    [Theory]
    [InlineData("solaredge.com")]
    [InlineData("a.b.c.solaredge.com")]
    public void Handle_AnyNameInZone_Resolves(string name)
    {
        DnsMessage response = Ask(new DnsServerEngine(Defaults), name, DnsType.A);

        Assert.Equal(DnsType.A, Assert.Single(response.Answers).Type);
    }

    [Fact]
    public void Handle_AaaaWithoutIPv6_NoDataWithZoneSoa()
    {
        DnsMessage response = Ask(new DnsServerEngine(Defaults), "prodssl.solaredge.com", DnsType.AAAA);

        Assert.Equal(DnsResponseCode.NoError, response.ResponseCode);
        Assert.Empty(response.Answers);
        DnsRecord soa = Assert.Single(response.Authorities);
        Assert.Equal(DnsType.SOA, soa.Type);
        Assert.Equal("solaredge.com", soa.Name.ToString());
        Assert.Equal(60u, soa.Ttl);
    }

    [Fact]
    public void Handle_AaaaWithIPv6Configured_AnswersIt()
    {
        var engine = new DnsServerEngine(Defaults with { ApplianceIPv6Address = "2001:db8::1" });

        DnsMessage response = Ask(engine, "prod.solaredge.com", DnsType.AAAA);

        Assert.Equal(DnsRecord.Aaaa(DnsName.Parse("prod.solaredge.com"), 60, InetAddress.Parse("2001:db8::1")), Assert.Single(response.Answers));
    }

    [Theory]
    [InlineData(DnsType.MX)]
    [InlineData(DnsType.TXT)]
    [InlineData(DnsType.HTTPS)]
    public void Handle_OtherTypesOnLocalName_NoData(DnsType type)
    {
        DnsMessage response = Ask(new DnsServerEngine(Defaults), "prod.solaredge.com", type);

        Assert.Equal(DnsResponseCode.NoError, response.ResponseCode);
        Assert.Empty(response.Answers);
        Assert.Equal(DnsType.SOA, Assert.Single(response.Authorities).Type);
    }

    [Fact]
    public void Handle_AnyOnLocalName_AnswersAddresses()
    {
        var engine = new DnsServerEngine(Defaults with { ApplianceIPv6Address = "2001:db8::1" });

        DnsMessage response = Ask(engine, "prod.solaredge.com", DnsType.ANY);

        Assert.Equal([DnsType.A, DnsType.AAAA], response.Answers.Select(r => r.Type));
    }

    [Fact]
    public void Handle_SoaAtZoneApex_AnswersSoa()
    {
        DnsMessage response = Ask(new DnsServerEngine(Defaults), "solaredge.com", DnsType.SOA);

        Assert.Equal(DnsType.SOA, Assert.Single(response.Answers).Type);
    }

    [Fact]
    public void Handle_Prodssl_TlsFirmwareReportedOncePerClient()
    {
        var engine = new DnsServerEngine(Defaults);
        var other = new DnsClientInfo(InetAddress.Parse("192.0.2.3"));

        DnsDecision first = engine.Handle(DnsQueries.Query("ProdSSL.solaredge.com", DnsType.A), Inverter, _response);
        DnsDecision again = engine.Handle(DnsQueries.Query("prodssl.solaredge.com", DnsType.A), Inverter, _response);
        DnsDecision otherInverter = engine.Handle(DnsQueries.Query("prodssl.solaredge.com", DnsType.A), other, _response);

        Assert.Equal("prodssl.solaredge.com", first.TlsFirmwareName);
        Assert.Equal(DnsDecisionKind.Answer, first.Kind);
        Assert.Null(again.TlsFirmwareName);
        Assert.Equal("prodssl.solaredge.com", otherInverter.TlsFirmwareName);
    }

    [Fact]
    public void Handle_SameNameTwice_LoggedOnce_OtherNameLogged()
    {
        var engine = new DnsServerEngine(Defaults);

        string? first = engine.Handle(DnsQueries.Query("prod.solaredge.com", DnsType.A), Inverter, _response).FirstAskedName;
        string? second = engine.Handle(DnsQueries.Query("PROD.solaredge.com", DnsType.AAAA), Inverter, _response).FirstAskedName;
        string? third = engine.Handle(DnsQueries.Query("time.solaredge.com", DnsType.A), Inverter, _response).FirstAskedName;

        Assert.Equal("prod.solaredge.com", first);
        Assert.Null(second);
        Assert.Equal("time.solaredge.com", third);
    }

    [Fact]
    public void Handle_MoreNamesThanRemembered_OldestForgotten()
    {
        var engine = new DnsServerEngine(Defaults with { MaxRememberedNames = 2 });
        foreach (string name in new[] { "a.solaredge.com", "b.solaredge.com", "c.solaredge.com" })
        {
            engine.Handle(DnsQueries.Query(name, DnsType.A), Inverter, _response);
        }

        Assert.NotNull(engine.Handle(DnsQueries.Query("a.solaredge.com", DnsType.A), Inverter, _response).FirstAskedName);
        Assert.Null(engine.Handle(DnsQueries.Query("c.solaredge.com", DnsType.A), Inverter, _response).FirstAskedName);
    }

    [Theory]
    [InlineData("1.2.0.192.in-addr.arpa", "solartap")]
    [InlineData("1.0.0.127.in-addr.arpa", "localhost")]
    public void Handle_PtrForApplianceOrLoopback_AnswersName(string name, string target)
    {
        DnsMessage response = Ask(new DnsServerEngine(Defaults), name, DnsType.PTR);

        DnsRecord ptr = Assert.Single(response.Answers);
        Assert.Equal(DnsType.PTR, ptr.Type);
        Assert.Equal(DnsName.Parse(target).Wire.ToArray(), ptr.Data.ToArray());
    }

    [Fact]
    public void Handle_PtrForApplianceIPv6_AnswersHostName()
    {
        var engine = new DnsServerEngine(Defaults with { ApplianceIPv6Address = "2001:db8::1", HostName = "tap.lan" });
        string name = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";

        DnsMessage response = Ask(engine, name, DnsType.PTR);

        Assert.Equal(DnsName.Parse("tap.lan").Wire.ToArray(), Assert.Single(response.Answers).Data.ToArray());
    }

    [Theory]
    [InlineData("localhost", DnsType.A, "7f000001")]
    [InlineData("LocalHost", DnsType.AAAA, "00000000000000000000000000000001")]
    [InlineData("x.localhost", DnsType.A, "7f000001")]
    public void Handle_Localhost_AnsweredLocally(string name, DnsType type, string data)
    {
        var engine = new DnsServerEngine(Defaults with { UpstreamAvailable = true });

        DnsMessage response = Ask(engine, name, type);

        Assert.Equal(data, Hex.Of(Assert.Single(response.Answers).Data.Span));
    }

    [Fact]
    public void Handle_OtherNameWithUpstream_Forward()
    {
        var engine = new DnsServerEngine(Defaults with { UpstreamAvailable = true });

        DnsDecision decision = engine.Handle(DnsQueries.Query("example.org", DnsType.A), Inverter, _response);

        Assert.Equal(DnsDecisionKind.Forward, decision.Kind);
        Assert.Equal("example.org", decision.FirstAskedName);
    }

    [Fact]
    public void Handle_UpstreamGoesAway_OfflinePolicyApplies()
    {
        var engine = new DnsServerEngine(Defaults with { UpstreamAvailable = true });
        byte[] query = DnsQueries.Query("example.org", DnsType.A);
        Assert.Equal(DnsDecisionKind.Forward, engine.Handle(query, Inverter, _response).Kind);

        engine.UpstreamAvailable = false;

        Assert.Equal(DnsResponseCode.Refused, engine.Handle(query, Inverter, _response).ResponseCode);
    }

    [Theory]
    [InlineData(DnsOfflinePolicy.Refuse, DnsResponseCode.Refused, 0)]
    [InlineData(DnsOfflinePolicy.NXDomain, DnsResponseCode.NXDomain, 0)]
    [InlineData(DnsOfflinePolicy.Local, DnsResponseCode.NoError, 1)]
    public void Handle_OtherNameOffline_PerPolicy(DnsOfflinePolicy policy, DnsResponseCode code, int answers)
    {
        var engine = new DnsServerEngine(Defaults with { OfflinePolicy = policy });

        DnsMessage response = Ask(engine, "example.org", DnsType.A);

        Assert.Equal(code, response.ResponseCode);
        Assert.Equal(answers, response.Answers.Count);
        Assert.False(response.IsAuthoritative);
        Assert.Empty(response.Authorities); // no SOA: nothing is negatively cached (RFC 2308 §5)
        if (answers == 1)
        {
            Assert.Equal(10u, response.Answers[0].Ttl);
        }
    }

    [Fact]
    public void HandleWithoutUpstream_ForwardedQueryTimedOut_OfflineAnswerNoEvents()
    {
        var engine = new DnsServerEngine(Defaults with { UpstreamAvailable = true, OfflinePolicy = DnsOfflinePolicy.NXDomain });

        DnsDecision decision = engine.HandleWithoutUpstream(DnsQueries.Query("example.org", DnsType.A), Inverter, _response);

        Assert.Equal(DnsResponseCode.NXDomain, decision.ResponseCode);
        Assert.Null(decision.FirstAskedName);
    }

    [Fact]
    public void Handle_NotifyOpcode_NotImp()
    {
        byte[] query = DnsQueries.Query("solaredge.com", DnsType.SOA);
        query[2] = 0x20; // opcode 4 (NOTIFY), RFC 1996

        DnsMessage response = Ask(new DnsServerEngine(Defaults), query);

        Assert.Equal(DnsResponseCode.NotImp, response.ResponseCode);
        Assert.Equal(DnsOpcode.Notify, response.Opcode);
    }

    [Theory]
    [InlineData("0001 0100 0000 0000 0000 0000")] // QDCOUNT 0
    [InlineData("0001 0100 0002 0000 0000 0000 00 0001 0001 00 0001 0001")] // QDCOUNT 2
    [InlineData("0001 0100 0001 0000 0000 0000 c00c 0001 0001")] // pointer loop
    [InlineData("0001 0100 0001 0000 0000 0000 04 70 72 6f")] // cut name
    [InlineData("0001 0100 0001 0000 0000 0001 00 0001 0001 00 0029 04d0 00000000 0006 000a 0008 0102")] // cut EDNS option
    public void Handle_MalformedWithHeader_FormErrSameId(string hex)
    {
        DnsMessage response = Ask(new DnsServerEngine(Defaults), Hex.Bytes(hex));

        Assert.Equal(DnsResponseCode.FormErr, response.ResponseCode);
        Assert.Equal(1, response.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0001 0100 0001 0000 0000")] // 10 bytes
    [InlineData("0001 8180 0001 0000 0000 0000 00 0001 0001")] // a response (QR = 1)
    public void Handle_NoHeaderOrResponse_Drop(string hex)
    {
        DnsDecision decision = new DnsServerEngine(Defaults).Handle(Hex.Bytes(hex), Inverter, _response);

        Assert.Equal(DnsDecisionKind.Drop, decision.Kind);
    }

    [Fact]
    public void Handle_EdnsVersion1_BadVersWithVersion0Opt()
    {
        byte[] query = DnsQueries.Query("prod.solaredge.com", DnsType.A, edns: DnsQueries.Edns(version: 1));

        DnsMessage response = Ask(new DnsServerEngine(Defaults), query);

        Assert.Equal(DnsResponseCode.BadVers, response.ResponseCode);
        Assert.NotNull(response.Edns);
        Assert.Equal(0, response.Edns.Version);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public void Handle_DoBitSet_CopiedIntoOpt()
    {
        byte[] query = DnsQueries.Query("prod.solaredge.com", DnsType.A, edns: DnsQueries.Edns(dnssecOk: true));

        Assert.True(Ask(new DnsServerEngine(Defaults), query).Edns!.DnssecOk);
    }

    [Theory]
    [InlineData(DnsClass.CH, DnsType.TXT)]
    [InlineData(DnsClass.IN, DnsType.AXFR)]
    public void Handle_ChaosOrZoneTransfer_Refused(DnsClass cls, DnsType type)
    {
        DnsMessage response = Ask(new DnsServerEngine(Defaults with { UpstreamAvailable = true }), DnsQueries.Query("solaredge.com", type, cls: cls));

        Assert.Equal(DnsResponseCode.Refused, response.ResponseCode);
    }

    [Fact]
    public void Handle_UdpSmallEdnsSize_TreatedAs512_ResponseFits()
    {
        byte[] query = DnsQueries.Query("prod.solaredge.com", DnsType.A, edns: DnsQueries.Edns(size: 100));

        DnsDecision decision = new DnsServerEngine(Defaults).Handle(query, Inverter, _response);

        Assert.Single(DnsQueries.Read(_response.AsSpan(0, decision.ResponseLength)).Answers);
    }

    [Fact]
    public void Handle_ResponseBufferUnder512_Throws()
    {
        var engine = new DnsServerEngine(Defaults);

        Assert.Throws<ArgumentException>(() => engine.Handle(DnsQueries.DigProd, Inverter, new byte[511]));
    }

    private DnsMessage Ask(DnsServerEngine engine, string name, DnsType type) => Ask(engine, DnsQueries.Query(name, type));

    private DnsMessage Ask(DnsServerEngine engine, byte[] query)
    {
        DnsDecision decision = engine.Handle(query, Inverter, _response);
        Assert.Equal(DnsDecisionKind.Answer, decision.Kind);
        DnsMessage response = DnsQueries.Read(_response.AsSpan(0, decision.ResponseLength));
        Assert.Equal(decision.ResponseCode, response.ResponseCode);
        return response;
    }
}
