using SolarTap.Protocols.Dns;

namespace SolarTap.Protocols.Tests.Dns;

/// <summary>Query bytes for tests, built by hand per RFC 1035 §4.1 and RFC 6891 §6.1.2.</summary>
internal static class DnsQueries
{
    /// <summary>
    /// What <c>dig prod.solaredge.com</c> (BIND 9.18) sends: ID 0x1a2b, RD and AD set (0x0120, RFC 6840 §5.7),
    /// one question A/IN, and an OPT record: payload 1232, version 0, DO clear, a COOKIE option (code 10, RFC 7873
    /// §4) with an 8-byte client cookie.
    /// </summary>
    public static readonly byte[] DigProd = Hex.Bytes("""
        1a 2b 01 20 00 01 00 00 00 00 00 01
        04 70 72 6f 64 09 73 6f 6c 61 72 65 64 67 65 03 63 6f 6d 00
        00 01 00 01
        00 00 29 04 d0 00 00 00 00 00 0c 00 0a 00 08 c1 5d 3e 77 a0 19 42 f8
        """);

    /// <summary>A query for <paramref name="name"/>, built with the codec.</summary>
    public static byte[] Query(string name, DnsType type, ushort id = 0x4242, DnsEdns? edns = null, DnsClass cls = DnsClass.IN)
    {
        var message = new DnsMessage { Id = id, RecursionDesired = true, Edns = edns };
        message.Questions.Add(new DnsQuestion(DnsName.Parse(name), type, cls));
        return message.ToArray();
    }

    /// <summary>An EDNS0 OPT with the given payload size.</summary>
    public static DnsEdns Edns(ushort size = 1232, byte version = 0, bool dnssecOk = false) => new(size, version, dnssecOk, ReadOnlyMemory<byte>.Empty);

    /// <summary>Reads a response written by the engine, failing the test when it does not parse.</summary>
    public static DnsMessage Read(ReadOnlySpan<byte> bytes)
    {
        Assert.True(DnsMessage.TryRead(bytes, out DnsMessage? message, out DnsReadError error), $"response does not parse: {error}");
        return message;
    }
}
