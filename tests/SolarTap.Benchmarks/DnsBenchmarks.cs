using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.Dns;
using SolarTap.Protocols.Net;

namespace SolarTap.Benchmarks;

/// <summary>
/// Queries answered by the DNS engine: each benchmark handles <see cref="Batch"/> queries, so queries per second =
/// Batch / mean time. The mix is what an inverter sends (A for prod, A and AAAA for prodssl) plus a forwarded name.
/// </summary>
[MemoryDiagnoser]
public class DnsBenchmarks
{
    /// <summary>Queries per benchmark invocation.</summary>
    public const int Batch = 1000;

    private readonly byte[] _response = new byte[65535];
    private readonly DnsClientInfo _client = new(InetAddress.Parse("192.0.2.2"));
    private DnsServerEngine _engine = null!;
    private byte[][] _queries = [];
    private byte[] _dig = [];

    [GlobalSetup]
    public void Setup()
    {
        _engine = new DnsServerEngine(new DnsServerOptions { ApplianceAddress = "192.0.2.1", UpstreamAvailable = true });
        _queries = [Query("prod.solaredge.com", DnsType.A), Query("prodssl.solaredge.com", DnsType.A), Query("prodssl.solaredge.com", DnsType.AAAA), Query("pool.ntp.org", DnsType.A)];
        var dig = new DnsMessage { Id = 0x1a2b, RecursionDesired = true, AuthenticData = true, Edns = new DnsEdns(1232, 0, false, new byte[] { 0, 10, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8 }) };
        dig.Questions.Add(new DnsQuestion(DnsName.Parse("prod.solaredge.com"), DnsType.A));
        _dig = dig.ToArray();
    }

    /// <summary>The mix of inverter queries through <see cref="DnsServerEngine.Handle"/>.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int HandleInverterMix()
    {
        int bytes = 0;
        for (int i = 0; i < Batch; i++)
        {
            bytes += _engine.Handle(_queries[i & 3], _client, _response).ResponseLength;
        }

        return bytes;
    }

    /// <summary>A dig-style query with EDNS and a cookie, answered locally.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int HandleDigQuery()
    {
        int bytes = 0;
        for (int i = 0; i < Batch; i++)
        {
            bytes += _engine.Handle(_dig, _client, _response).ResponseLength;
        }

        return bytes;
    }

    /// <summary>The object codec on the same query, for comparison (allocates).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int ReadWithCodec()
    {
        int questions = 0;
        for (int i = 0; i < Batch; i++)
        {
            questions += DnsMessage.TryRead(_dig, out DnsMessage? message, out _) ? message.Questions.Count : 0;
        }

        return questions;
    }

    private static byte[] Query(string name, DnsType type)
    {
        var message = new DnsMessage { Id = 7, RecursionDesired = true };
        message.Questions.Add(new DnsQuestion(DnsName.Parse(name), type));
        return message.ToArray();
    }
}
