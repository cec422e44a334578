using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.Tests.SolarEdge.Crypto;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;

namespace SolarTap.Protocols.Tests.SolarEdge.Server;

/// <summary>Shared set-up of the server tests.</summary>
internal static class ServerTestKit
{
    /// <summary>Midsummer noon, UTC: the simulated sun is up.</summary>
    public static readonly DateTimeOffset Noon = new(2024, 6, 21, 12, 0, 0, TimeSpan.Zero);

    public static SimulatedInverterOptions Plain(int optimizers = 4, int timeRequests = 0) => new()
    {
        InverterId = CryptoVectors.Inverter,
        Optimizers = optimizers,
        TimeRequestEveryPosts = timeRequests,
    };

    public static SimulatedInverterOptions Encrypted(int optimizers = 4, int timeRequests = 0) => new()
    {
        InverterId = CryptoVectors.Inverter,
        Key = CryptoVectors.Key7F104920,
        Optimizers = optimizers,
        TimeRequestEveryPosts = timeRequests,
    };

    /// <summary>Feeds one chunk to a session and returns its actions (whatever is left stays in <paramref name="pending"/>).</summary>
    public static IReadOnlyList<SolarEdgeServerAction> Feed(SolarEdgeServerSession server, ref byte[] pending, byte[] bytes,
        DateTimeOffset now, RandomBytes random, bool synchronized = true)
    {
        var buffer = new ReadOnlySequence<byte>([.. pending, .. bytes]);
        IReadOnlyList<SolarEdgeServerAction> actions = server.Receive(ref buffer, now, synchronized, random);
        pending = buffer.ToArray();
        return actions;
    }

    public static IReadOnlyList<SolarEdgeServerAction> Feed(SolarEdgeServerSession server, byte[] bytes, DateTimeOffset now, RandomBytes random, bool synchronized = true)
    {
        byte[] pending = [];
        return Feed(server, ref pending, bytes, now, random, synchronized);
    }

    public static SolarEdgeHeader HeaderOf(ReadOnlyMemory<byte> message)
        => SolarEdgeFrameReader.TryParse(message.Span, out SolarEdgeHeader header, out _) ? header : throw new InvalidOperationException("not a message");

    public static byte[] PayloadOf(ReadOnlyMemory<byte> message)
        => SolarEdgeFrameReader.TryParse(message.Span, out _, out Range payload) ? message.Span[payload].ToArray() : throw new InvalidOperationException("not a message");

    public static byte[] Message(ushort sequence, FunctionCode function, byte[]? payload = null, uint source = CryptoVectors.Inverter)
        => SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(sequence, source, SolarEdgeAddress.Server, function), payload ?? []);

    /// <summary>Opens a server wrapper with the cipher of <paramref name="announcement"/> and returns the inner message.</summary>
    public static byte[] Unwrap(ReadOnlyMemory<byte> wrapper, byte[] announcement)
    {
        using SessionCipher cipher = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, CryptoVectors.Announcement(announcement));
        byte[] payload = PayloadOf(wrapper);
        var inner = new byte[payload.Length];
        Assert.Equal(WrapperStatus.Decrypted, cipher.TryUnwrap(payload, inner, out DecryptedWrapper info, out _, out _));
        return inner[..info.InnerLength];
    }
}
