using SolarTap.Protocols.Dns;
using SolarTap.Protocols.Net;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The DNS codec and server engine on one input: the message reader (and writing back what it read), the engine
/// over UDP and TCP with the response checked to stay inside the client's limit and to parse, the forwarding check
/// and the TLS detector.
/// </summary>
internal sealed class DnsTarget : IFuzzTarget
{
    private const byte Sentinel = 0xA5;
    private readonly DnsServerEngine _engine = new(new DnsServerOptions
    {
        ApplianceAddress = "192.0.2.1",
        ApplianceIPv6Address = "2001:db8::1",
        MaxRememberedNames = 256,
    });

    private readonly byte[] _response = new byte[65535];

    public string Name => "dns";

    public IEnumerable<byte[]> Seeds()
    {
        // dig prod.solaredge.com: RD+AD, OPT 1232 with a COOKIE option (RFC 6891 §6.1.2, RFC 7873 §4).
        yield return Hex.Bytes("1a2b 0120 0001 0000 0000 0001 04 70726f64 09 736f6c617265646765 03 636f6d 00 0001 0001 00 0029 04d0 00000000 000c 000a 0008 c15d3e77a01942f8");
        yield return Hex.Bytes("0002 0100 0001 0000 0000 0000 07 70726f6473736c 09 736f6c617265646765 03 636f6d 00 001c 0001");
        yield return Hex.Bytes("0003 0100 0001 0000 0000 0000 01 31 01 32 01 30 03 313932 07 696e2d61646472 04 61727061 00 000c 0001");
        // A response with compressed CNAME and SOA data.
        yield return Hex.Bytes("0001 8180 0001 0001 0001 0000 03 777777 07 6578616d706c65 00 0005 0001 c00c 0005 0001 0000003c 0004 01 78 c010"
            + " c010 0006 0001 0000003c 0016 02 6e73 c010 00 00000001 00000002 00000003 00000004 00000005");
        // TLS ClientHello start.
        yield return Hex.Bytes("16 03 01 00 f8 01 00 00 f4 03 03");
    }

    public void Run(byte[] input)
    {
        if (DnsMessage.TryRead(input, out DnsMessage? message, out _))
        {
            byte[] written = message.ToArray();
            if (!DnsMessage.TryRead(written, out DnsMessage? again, out DnsReadError error))
            {
                throw new InvalidOperationException($"A message that was read does not read back after writing: {error}.");
            }

            if (!again.Answers.SequenceEqual(message.Answers) || !Equals(again.Edns, message.Edns))
            {
                throw new InvalidOperationException("Writing and reading back changed the records.");
            }
        }

        foreach (DnsTransport transport in (ReadOnlySpan<DnsTransport>)[DnsTransport.Udp, DnsTransport.Tcp])
        {
            _response.AsSpan().Fill(Sentinel);
            DnsDecision decision = _engine.Handle(input, new DnsClientInfo(InetAddress.FromIPv4(0xC0000202), transport), _response);
            if (decision.Kind != DnsDecisionKind.Answer)
            {
                continue;
            }

            int limit = transport == DnsTransport.Tcp ? 65535 : 1232;
            if (decision.ResponseLength > limit || _response.AsSpan(limit).IndexOfAnyExcept(Sentinel) >= 0)
            {
                throw new InvalidOperationException("The engine wrote past the client's limit.");
            }

            if (!DnsMessage.TryRead(_response.AsSpan(0, decision.ResponseLength), out DnsMessage? answer, out DnsReadError error)
                || !answer.IsResponse || answer.Id != DnsForwarding.ReadId(input))
            {
                throw new InvalidOperationException($"The engine wrote a response that does not parse or does not match: {error}.");
            }

            DnsForwarding.IsReplyTo(input, _response.AsSpan(0, decision.ResponseLength));
        }

        TlsClientHelloDetector.Looks(input);
        TlsClientHelloDetector.CouldBe(input);
    }
}
