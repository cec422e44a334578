using System.Buffers;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.Tests.SolarEdge.Crypto;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;
using static SolarTap.Protocols.Tests.SolarEdge.Server.ServerTestKit;

namespace SolarTap.Protocols.Tests.SolarEdge.Server;

public class SolarEdgeRelayTapTests
{
    private readonly ScriptedRandom _random = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FromInverter_RelayedConnection_DecodesTheSameReadingsAsTheServer(bool encrypted)
    {
        using var serverSessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(encrypted ? Encrypted(timeRequests: 3) : Plain(timeRequests: 3), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(serverSessions), inverter, _random.Fill);
        link.Run(Noon, Noon.AddMinutes(30), TimeSpan.FromMinutes(1));

        // The tap sees the same bytes in both directions, in arrival-sized chunks, with its own session store.
        using var tapSessions = new InverterSessions(CryptoVectors.Lookup);
        var tap = new SolarEdgeRelayTap(tapSessions);
        var posts = new List<SolarEdgePost>();
        var events = new List<SolarEdgeServerEvent>();
        byte[] fromInverter = [];
        foreach (byte[] chunk in link.Received)
        {
            fromInverter = [.. fromInverter, .. chunk];
            var buffer = new ReadOnlySequence<byte>(fromInverter);
            SolarEdgeTapBatch batch = tap.FromInverter(ref buffer, Noon);
            fromInverter = buffer.ToArray();
            posts.AddRange(batch.Posts);
            events.AddRange(batch.Events);
        }

        var replies = new ReadOnlySequence<byte>(link.Sent.SelectMany(m => m).ToArray());
        Assert.Empty(tap.FromServer(ref replies, Noon).Events); // the server's wrappers open with the followed session

        Assert.Equal(link.Journal.Select(p => (p.Sequence, p.Encrypted)), posts.Select(p => (p.Sequence, p.Encrypted)));
        Assert.Equal(Flatten(link.Journal), Flatten(posts));
        Assert.Equal(link.Journal.Select(p => Convert.ToHexString(p.Payload.Span)), posts.Select(p => Convert.ToHexString(p.Payload.Span))); // decrypted, as the server has it
        Assert.Equal((uint?)CryptoVectors.Inverter, tap.Inverter);
        Assert.Equal(encrypted, events.Any(e => e.Kind == SolarEdgeServerEventKind.SessionStarted));
    }

    [Fact]
    public void FromInverter_EncryptedWithoutKey_NoPostsAndWithoutKeyEvents()
    {
        using var serverSessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Encrypted(), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(serverSessions), inverter, _random.Fill);
        link.Run(Noon, Noon.AddMinutes(10), TimeSpan.FromMinutes(1));
        using var noKeys = new InverterSessions(_ => null);
        var tap = new SolarEdgeRelayTap(noKeys);

        var buffer = new ReadOnlySequence<byte>(link.Received.SelectMany(c => c).ToArray());
        SolarEdgeTapBatch batch = tap.FromInverter(ref buffer, Noon);

        Assert.Empty(batch.Posts);
        Assert.True(batch.Events.Count(e => e.Kind == SolarEdgeServerEventKind.EncryptedInverterWithoutKey) >= 2); // the 0x0503 and every wrapper
    }

    [Fact]
    public void FromInverter_TlsClientHello_ReportedAndNothingDecoded()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var tap = new SolarEdgeRelayTap(sessions);
        var buffer = new ReadOnlySequence<byte>([.. Hex.Bytes("16 03 01 02 00 01 00 01 fc 03 03"), .. SyntheticPosts.OptimizerPost(CryptoVectors.Inverter, 1, 1, 1)]);

        SolarEdgeTapBatch batch = tap.FromInverter(ref buffer, Noon);

        Assert.True(tap.IsTls);
        Assert.Empty(batch.Posts);
        Assert.Equal(SolarEdgeServerEventKind.TlsClientHello, Assert.Single(batch.Events).Kind);
        Assert.Equal(0, buffer.Length);
    }

    private static List<string> Flatten(IEnumerable<SolarEdgePost> posts)
        => [.. posts.SelectMany(p => p.Readings).Select(r => $"{r.Device.Serial} {r.Timestamp:O} {string.Join(',', r.Values.Select(Describe))}")];

    private static string Describe(Measurement m) => $"{m.Quantity}/{m.Phase}={m.Value:R}";
}
