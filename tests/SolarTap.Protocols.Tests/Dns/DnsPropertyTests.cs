using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Dns;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dns;

public class DnsPropertyTests
{
    private const byte Sentinel = 0xA5;
    private static readonly DnsServerOptions Options = new() { ApplianceAddress = "192.0.2.1", ApplianceIPv6Address = "2001:db8::1" };

    private static readonly byte[][] Seeds =
    [
        DnsQueries.DigProd,
        DnsQueries.Query("prodssl.solaredge.com", DnsType.AAAA, edns: DnsQueries.Edns(4096, dnssecOk: true)),
        DnsQueries.Query("1.2.0.192.in-addr.arpa", DnsType.PTR),
        DnsQueries.Query("example.org", DnsType.MX),
        Hex.Bytes("0001 8180 0001 0001 0001 0000 03 77 77 77 07 65 78 61 6d 70 6c 65 00 0005 0001 c00c 0005 0001 0000003c 0004 01 78 c010"
            + " c010 0006 0001 0000003c 0016 02 6e 73 c010 00 00000001 00000002 00000003 00000004 00000005"),
    ];

    [Fact]
    public void TryReadAndHandle_RandomBytes_NeverThrowStayInBuffersAndAnswersParse() =>
        Properties.ForAllBytes(0x0D45_0001, Survives, tests: 1000);

    [Fact]
    public void TryReadAndHandle_MutatedQueries_NeverThrowStayInBuffersAndAnswersParse() =>
        Properties.ForAllMutations(0x0D45_0002, Seeds, Survives, tests: 2000);

    [Fact]
    public void TryWriteThenTryRead_GeneratedMessages_RoundTripExactly()
    {
        Prop.ForAll(ArbMap.Default.GeneratorFor<int>().ToArbitrary(), RoundTrips).Check(Properties.Pinned(0x0D45_0003, tests: 500));
    }

    [Fact]
    public void TryWrite_GeneratedMessagesUnderLimit_NeverExceedsItAndTcMeansCut()
    {
        Gen<(int Seed, int Limit)> cases =
            from seed in ArbMap.Default.GeneratorFor<int>()
            from limit in Gen.Choose(12, 1500)
            select (seed, limit);
        Prop.ForAll(cases.ToArbitrary(), c => RespectsLimit(c.Seed, c.Limit)).Check(Properties.Pinned(0x0D45_0004, tests: 500));
    }

    internal static bool Survives(byte[] input)
    {
        if (DnsMessage.TryRead(input, out DnsMessage? message, out _))
        {
            // Anything read can be written again and means the same.
            DnsMessage again = DnsQueries.Read(message.ToArray());
            Assert.Equal(message.Questions.Count, again.Questions.Count);
            Assert.Equal(message.Answers, again.Answers);
        }

        var engine = new DnsServerEngine(Options);
        foreach (DnsTransport transport in new[] { DnsTransport.Udp, DnsTransport.Tcp })
        {
            var response = new byte[65535];
            response.AsSpan().Fill(Sentinel);
            DnsDecision decision = engine.Handle(input, new DnsClientInfo(InetAddress.Parse("192.0.2.2"), transport), response);
            if (decision.Kind != DnsDecisionKind.Answer)
            {
                continue;
            }

            int limit = transport == DnsTransport.Tcp ? 65535 : 1232;
            Assert.InRange(decision.ResponseLength, DnsHeader.Size, limit);
            Assert.True(response.AsSpan(limit).IndexOfAnyExcept(Sentinel) < 0, "wrote past the client's limit");
            DnsMessage answer = DnsQueries.Read(response.AsSpan(0, decision.ResponseLength));
            Assert.True(answer.IsResponse);
            Assert.Equal(DnsForwarding.ReadId(input), answer.Id);
        }

        return true;
    }

    private static bool RoundTrips(int seed)
    {
        DnsMessage message = Generate(new Random(seed));
        var buffer = new byte[65535];
        if (!message.TryWrite(buffer, out int written))
        {
            return true; // larger than a message can be
        }

        DnsMessage back = DnsQueries.Read(buffer.AsSpan(0, written));
        Assert.Equal(message.Id, back.Id);
        Assert.Equal(message.Opcode, back.Opcode);
        Assert.Equal(message.ResponseCode, back.ResponseCode);
        Assert.Equal(message.RecursionDesired, back.RecursionDesired);
        Assert.Equal(message.CheckingDisabled, back.CheckingDisabled);
        Assert.Equal(message.Questions.Select(q => (Hex.Of(q.Name.Wire), q.Type, q.Class)), back.Questions.Select(q => (Hex.Of(q.Name.Wire), q.Type, q.Class)));
        Assert.Equal(message.Answers, back.Answers);
        Assert.Equal(message.Authorities, back.Authorities);
        Assert.Equal(message.Additionals, back.Additionals);
        Assert.Equal(message.Edns, back.Edns);
        Assert.Equal(Hex.Of(buffer.AsSpan(0, written)), Hex.Of(back.ToArray()));
        return true;
    }

    private static bool RespectsLimit(int seed, int limit)
    {
        DnsMessage message = Generate(new Random(seed));
        var buffer = new byte[65535];
        buffer.AsSpan().Fill(Sentinel);
        if (!message.TryWrite(buffer, out int written, limit))
        {
            return written == 0;
        }

        Assert.True(written <= limit);
        Assert.True(buffer.AsSpan(limit).IndexOfAnyExcept(Sentinel) < 0);
        DnsMessage back = DnsQueries.Read(buffer.AsSpan(0, written));
        int records = message.Answers.Count + message.Authorities.Count;
        Assert.Equal(back.Answers.Count + back.Authorities.Count < records || message.IsTruncated, back.IsTruncated);
        Assert.Equal(message.Edns is null, back.Edns is null);
        return true;
    }

    private static DnsMessage Generate(Random random)
    {
        var message = new DnsMessage
        {
            Id = (ushort)random.Next(65536),
            IsResponse = random.Next(2) == 0,
            Opcode = (DnsOpcode)random.Next(6),
            IsAuthoritative = random.Next(2) == 0,
            RecursionDesired = random.Next(2) == 0,
            RecursionAvailable = random.Next(2) == 0,
            CheckingDisabled = random.Next(2) == 0,
            ResponseCode = (DnsResponseCode)random.Next(6),
        };

        DnsName[] pool = [.. Enumerable.Range(0, 1 + random.Next(4)).Select(_ => RandomName(random))];
        DnsName Pick() => random.Next(4) == 0 ? RandomName(random) : pool[random.Next(pool.Length)];
        for (int i = random.Next(3); i > 0; i--)
        {
            message.Questions.Add(new DnsQuestion(Pick(), (DnsType)random.Next(1, 300), DnsClass.IN));
        }

        foreach (IList<DnsRecord> section in new[] { message.Answers, message.Authorities, message.Additionals })
        {
            for (int i = random.Next(6); i > 0; i--)
            {
                section.Add(RandomRecord(random, Pick(), Pick()));
            }
        }

        if (random.Next(2) == 0)
        {
            byte[] cookie = new byte[random.Next(2) * 8];
            random.NextBytes(cookie);
            byte[] options = cookie.Length == 0 ? [] : [0, 10, 0, 8, .. cookie];
            message.Edns = new DnsEdns((ushort)random.Next(512, 4097), 0, random.Next(2) == 0, options);
            message.ResponseCode = (DnsResponseCode)(random.Next(2) == 0 ? 16 : random.Next(6));
        }

        return message;
    }

    private static DnsRecord RandomRecord(Random random, DnsName owner, DnsName target)
    {
        uint ttl = (uint)random.Next(0, int.MaxValue);
        switch (random.Next(7))
        {
            case 0:
                return DnsRecord.A(owner, ttl, InetAddress.FromIPv4((uint)random.NextInt64(0, 1L << 32)));
            case 1:
                var v6 = new byte[16];
                random.NextBytes(v6);
                return DnsRecord.Aaaa(owner, ttl, InetAddress.ReadIPv6(v6));
            case 2:
                return DnsRecord.WithName(owner, random.Next(2) == 0 ? DnsType.CNAME : DnsType.PTR, ttl, target);
            case 3:
                return DnsRecord.Mx(owner, ttl, (ushort)random.Next(65536), target);
            case 4:
                return DnsRecord.Soa(owner, ttl, target, owner, (uint)random.Next(), 1, 2, 3, (uint)random.Next());
            default:
                var data = new byte[random.Next(0, 40)];
                random.NextBytes(data);
                return new DnsRecord(owner, (DnsType)random.Next(100, 200), DnsClass.IN, ttl, data);
        }
    }

    private static DnsName RandomName(Random random)
    {
        // Few distinct labels, random case, so names share suffixes and compression has work to do.
        string[] labels = ["prod", "SolarEdge", "com", "a", "x-1", new string('z', 63), "in-addr", "arpa"];
        var parts = new List<string>();
        int length = 1;
        for (int i = random.Next(0, 6); i > 0; i--)
        {
            string label = labels[random.Next(labels.Length)];
            label = new string([.. label.Select(c => random.Next(3) == 0 ? char.ToUpperInvariant(c) : c)]);
            if (length + label.Length + 1 > 255)
            {
                break;
            }

            length += label.Length + 1;
            parts.Add(label);
        }

        return DnsName.Parse(string.Join('.', parts));
    }
}
