using System.Globalization;

namespace SolarTap.Protocols.Net;

/// <summary>
/// One direction of a TCP connection: bytes sent from (<see cref="Source"/>, <see cref="SourcePort"/>) to
/// (<see cref="Destination"/>, <see cref="DestinationPort"/>). The reverse direction is a different key.
/// </summary>
/// <param name="Source">Sender address.</param>
/// <param name="SourcePort">Sender port.</param>
/// <param name="Destination">Receiver address.</param>
/// <param name="DestinationPort">Receiver port.</param>
public readonly record struct TcpFlowKey(InetAddress Source, ushort SourcePort, InetAddress Destination, ushort DestinationPort)
{
    /// <summary>The other direction of the same connection.</summary>
    public TcpFlowKey Reverse() => new(Destination, DestinationPort, Source, SourcePort);

    /// <summary><c>192.0.2.10:3051 -> 198.51.100.20:22222</c> (IPv6 addresses in brackets).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Endpoint(Source, SourcePort)} -> {Endpoint(Destination, DestinationPort)}");

    private static string Endpoint(InetAddress address, ushort port) => address.IsIPv4
        ? string.Create(CultureInfo.InvariantCulture, $"{address}:{port}")
        : string.Create(CultureInfo.InvariantCulture, $"[{address}]:{port}");
}
