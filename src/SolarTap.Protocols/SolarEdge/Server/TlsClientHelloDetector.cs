using System.Buffers;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// Recognises a TLS ClientHello at the start of a connection: newer SolarEdge firmware speaks TLS to
/// prodssl.solaredge.com and cannot be served or decoded (spec §5.1 item 2, issue #149).
/// </summary>
/// <remarks>
/// <code>
///  0     1  2     3  4       5
///  16 │ 03 0X │ record length │ 01 (handshake type ClientHello)      RFC 8446 §5.1, §4
/// </code>
/// A SolarEdge stream starts with the barker 12 34 56 79, so the two never collide.
/// </remarks>
public static class TlsClientHelloDetector
{
    /// <summary>Bytes needed to decide.</summary>
    public const int ProbeLength = 6;

    /// <summary>Looks at the first bytes of <paramref name="start"/>.</summary>
    public static TlsProbe Probe(in ReadOnlySequence<byte> start)
    {
        Span<byte> head = stackalloc byte[ProbeLength];
        int have = (int)Math.Min(start.Length, ProbeLength);
        start.Slice(0, have).CopyTo(head);
        return Probe(head[..have]);
    }

    /// <summary>Looks at the first bytes of <paramref name="start"/>.</summary>
    public static TlsProbe Probe(ReadOnlySpan<byte> start)
    {
        if ((start.Length > 0 && start[0] != 0x16) // handshake record
            || (start.Length > 1 && start[1] != 0x03) // TLS major version
            || (start.Length > 2 && start[2] > 0x04) // minor: SSL 3.0 .. TLS 1.3 record versions
            || (start.Length > 5 && start[5] != 0x01)) // ClientHello
        {
            return TlsProbe.NotTls;
        }

        return start.Length < ProbeLength ? TlsProbe.NeedMoreData : TlsProbe.ClientHello;
    }
}
