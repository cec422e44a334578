using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Protocols.Tests.SolarEdge.Crypto;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;
using static SolarTap.Protocols.Tests.SolarEdge.Server.ServerTestKit;

namespace SolarTap.Protocols.Tests.SolarEdge.Server;

public class SolarEdgeServerSessionTests
{
    private readonly ScriptedRandom _random = new();

    [Fact]
    public void Receive_PlainSimulatorFivePosts_CommitsEachAndInverterSeesEveryAck()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Plain(), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill) { ChunkSize = 37 };

        link.Run(Noon, Noon.AddMinutes(20), TimeSpan.FromMinutes(1));

        Assert.Empty(inverter.Problems);
        Assert.Equal(inverter.Posts.Select(p => p.Sequence), link.Journal.Select(p => p.Sequence));
        Assert.Equal(5, link.Journal.Count);
        Assert.Equal(inverter.Posts.Select(p => p.Sequence), inverter.AcknowledgedPosts);
        Assert.All(link.Journal, post => Assert.Equal(1 + 4, post.Readings.Count));
        Assert.All(link.Journal, post => Assert.False(post.Encrypted));
        Assert.Equal(0, link.Server.PendingCommits);
        Assert.Equal((uint?)CryptoVectors.Inverter, link.Server.Inverter);
        Assert.Single(link.Actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.InverterIdentified);
        Assert.All(link.Sent, ack => Assert.Equal(FunctionCode.RespAck, HeaderOf(ack).Function));
    }

    [Fact]
    public void Receive_PlainPost_ReadingsEqualTheSimulatorsRecordsDecoded()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Plain(optimizers: 3), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill);

        link.Step(Noon);

        Reading[] expected = [.. TelemetryDecoder.Decode(inverter.Posts[0].Payload, CryptoVectors.Inverter).Readings];
        Reading inverterReading = link.Journal.Single().Readings[0];
        Assert.Equal(expected.Select(r => (r.Device.Serial, r.Timestamp)), link.Journal.Single().Readings.Select(r => (r.Device.Serial, r.Timestamp)));
        Assert.Equal(inverter.Plant.PowerAt(Noon), inverterReading.Get(Quantity.AcPower)!.Value, 0.01);
        Assert.Equal(Noon, inverterReading.Timestamp);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Receive_Post_CarriesItsPayloadPlainOrDecrypted(bool encrypted)
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(encrypted ? Encrypted() : Plain(), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill) { ChunkSize = 41 };

        link.Run(Noon, Noon.AddMinutes(3), TimeSpan.FromMinutes(1));

        Assert.NotEmpty(link.Journal);
        Assert.Equal(inverter.Posts.Select(p => Convert.ToHexString(p.Payload)), link.Journal.Select(p => Convert.ToHexString(p.Payload.Span)));
    }

    [Fact]
    public void Receive_PostNotYetCommitted_NoAckUntilCommitted()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Plain(), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill) { AutoCommit = false };

        link.Step(Noon);

        Assert.Single(link.Uncommitted);
        Assert.Empty(link.Actions.OfType<SolarEdgeSend>());
        Assert.Empty(link.Sent);
        Assert.Empty(inverter.AcknowledgedPosts);
        Assert.Equal(1, link.Server.PendingCommits);

        link.CommitAll(Noon.AddSeconds(1));

        Assert.Equal([inverter.Posts[0].Sequence], inverter.AcknowledgedPosts);
        Assert.Equal(0, link.Server.PendingCommits);
        Assert.Equal(inverter.Posts[0].Sequence, HeaderOf(link.Sent.Single()).Sequence);
    }

    [Fact]
    public void Receive_AckLost_InverterResendsSamePostAndServerCommitsItAgain()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Plain(), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill) { DropReplies = 1 };

        link.Step(Noon);
        link.Step(Noon.AddSeconds(10)); // within the reply timeout: nothing
        link.Step(Noon.AddSeconds(31));

        Assert.Equal(1, inverter.Resends);
        Assert.Equal(2, link.Journal.Count);
        Assert.Equal(link.Journal[0].Sequence, link.Journal[1].Sequence);
        Assert.Equal(link.Journal[0].Readings.Select(r => (r.Device.Serial, r.Timestamp)), link.Journal[1].Readings.Select(r => (r.Device.Serial, r.Timestamp)));
        Assert.Equal(link.Received[0], link.Received[1]); // same bytes on the wire (spec §1.4)
        Assert.Equal([inverter.Posts[0].Sequence], inverter.AcknowledgedPosts);
        Assert.Empty(inverter.Problems);
    }

    [Fact]
    public void Receive_EncryptedSimulator_KeyExchangeThenWrappedPostsAndTimeAllAnswered()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Encrypted(timeRequests: 2), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill) { ChunkSize = 50 };

        link.Run(Noon, Noon.AddMinutes(30), TimeSpan.FromMinutes(1));

        Assert.Empty(inverter.Problems);
        Assert.True(inverter.SessionAcknowledged);
        Assert.Equal(7, link.Journal.Count);
        Assert.All(link.Journal, post => Assert.True(post.Encrypted));
        Assert.Equal(inverter.Posts.Select(p => p.Sequence), inverter.AcknowledgedPosts);
        Assert.True(inverter.TimeRequestsAnswered >= 3);
        Assert.All(link.Sent, reply => Assert.Equal(FunctionCode.EncryptedWrapper, HeaderOf(reply).Function));
        Assert.Single(link.Actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.SessionStarted);
        Assert.Equal(link.Sent.Count, link.Server.Statistics.WrappedReplies);
    }

    [Fact]
    public void Receive_KeyExchange_WrappedAckThatAnIndependentTrackerDecrypts()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Encrypted(), Noon);
        var server = new SolarEdgeServerSession(sessions);

        byte[] announcement = inverter.Poll(Noon);
        var send = Assert.Single(Feed(server, announcement, Noon, _random.Fill).OfType<SolarEdgeSend>());
        inverter.Receive(send.Bytes.Span, Noon);

        Assert.True(inverter.SessionAcknowledged);
        Assert.Empty(inverter.Problems);

        // An independent tracker with its own store sees the same two messages as a passive observer would.
        using var observer = new InverterSessions(CryptoVectors.Lookup);
        var tracker = new SessionTracker(observer);
        var scratch = new byte[SolarEdgeWire.MaxPayloadLength];
        Assert.True(SolarEdgeFrameReader.TryParse(announcement, out SolarEdgeHeader announceHeader, out Range announcePayload));
        Assert.Equal(SessionChange.Started, tracker.Process(announceHeader, announcement.AsSpan()[announcePayload], Noon, scratch).SessionChange);
        TrackedMessage ack = tracker.Process(HeaderOf(send.Bytes), PayloadOf(send.Bytes), Noon, scratch);
        Assert.Equal(DecryptionStatus.Decrypted, ack.Status);
        Assert.Equal(new SolarEdgeHeader(announceHeader.Sequence, SolarEdgeAddress.Server, CryptoVectors.Inverter, FunctionCode.RespAck), ack.Header);
        Assert.Equal(0, ack.Payload.Length);
    }

    [Fact]
    public void Receive_KeyExchangeWithoutKey_NoReplyAndEncryptedWithoutKeyEvent()
    {
        using var sessions = new InverterSessions(_ => null);
        using var inverter = new SolarEdgeInverterSimulator(Encrypted(), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill);

        link.Run(Noon, Noon.AddMinutes(2), TimeSpan.FromSeconds(20));

        Assert.Empty(link.Sent);
        Assert.False(inverter.SessionAcknowledged);
        Assert.Contains(link.Actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.EncryptedInverterWithoutKey);
        Assert.True(inverter.Resends > 0); // the inverter keeps trying (spec §5.2)
    }

    [Fact]
    public void Receive_ThreePhaseInverter_PerPhaseAndTotalPower()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var options = new SimulatedInverterOptions { InverterId = 0x7E1A06DB, ThreePhase = true, Optimizers = 2, TimeRequestEveryPosts = 0, RatedPower = 10000 };
        using var inverter = new SolarEdgeInverterSimulator(options, Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill);

        link.Step(Noon);

        Reading reading = link.Journal.Single().Readings[0];
        Assert.Equal(DeviceKind.Inverter, reading.Device.Kind);
        Assert.Equal(inverter.Plant.PowerAt(Noon), reading.Get(Quantity.AcPower)!.Value, 0.1);
        Assert.Equal(inverter.Plant.PowerAt(Noon) / 3, reading.Get(Quantity.AcPower, Phase.L1)!.Value, 0.1);
        Assert.Equal(Math.Floor(inverter.Plant.EnergyTotal), reading.Get(Quantity.EnergyTotal));
    }

    [Fact]
    public void Receive_DayOfPosts_EnergyTotalNeverFalls()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Plain(optimizers: 1), Noon.AddHours(-12));
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill);

        link.Run(Noon.AddHours(-12), Noon.AddHours(12), TimeSpan.FromMinutes(5));

        double[] totals = [.. link.Journal.Select(p => p.Readings[0].Get(Quantity.EnergyTotal)!.Value)];
        Assert.Equal(289, totals.Length);
        Assert.True(totals.Zip(totals.Skip(1)).All(pair => pair.Second >= pair.First));
        Assert.True(totals[^1] - totals[0] > 10_000); // a sunny midsummer day on 5 kW
        Assert.Empty(inverter.Problems);
    }

    [Fact]
    public void Committed_TokenOfAnotherSession_Throws()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var first = new SolarEdgeServerSession(sessions);
        var second = new SolarEdgeServerSession(sessions);
        var commit = Assert.Single(Feed(first, SyntheticPosts.OptimizerPost(CryptoVectors.Inverter, 5, 2, 1_700_000_000), Noon, _random.Fill).OfType<SolarEdgeCommit>());

        Assert.Throws<ArgumentException>(() => second.Committed(commit.Token, Noon, _random.Fill));
    }
}
