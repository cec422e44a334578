using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.Tests.SolarEdge.Crypto;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;
using static SolarTap.Protocols.Tests.SolarEdge.Server.ServerTestKit;

namespace SolarTap.Protocols.Tests.SolarEdge.Server;

/// <summary>The engine against real captured bytes and hand-made byte streams.</summary>
public class SolarEdgeServerWireTests
{
    private static readonly byte[] Issue8 = TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin");
    private readonly ScriptedRandom _random = new();

    [Fact]
    public void Receive_Issue8KeyExchangeWithCapturesRandomness_ReproducesTheRealServersWrapper()
    {
        var messages = CryptoVectors.Messages(Issue8);
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);
        // Inner counter start 8 (→ inner seq 9), then the capture's C0 and mask (spec §4.5).
        var random = new ScriptedRandom(Hex.Bytes("0800 25de16b5347134cece801ccef77fa9d1 ed46f7d9"));

        var actions = Feed(server, messages[0].Message, new DateTimeOffset(2016, 3, 25, 10, 0, 0, TimeSpan.Zero), random.Fill);

        var send = Assert.Single(actions.OfType<SolarEdgeSend>());
        Assert.Equal(0, random.ScriptLeft);
        Assert.Equal((FunctionCode.RespAck, (ushort)0x02FA), (send.Function, send.Sequence));
        // Outer header per semonitor's scheme: (counter + 1000), 0xFFFFFFFD → 0xFFFFFFFF (spec §4.4); the real server used 0x07E6.
        Assert.Equal(EncryptedWrapper.ServerHeader(1008), HeaderOf(send.Bytes));
        Assert.Equal(Hex.Of(messages[1].Payload), Hex.Of(PayloadOf(send.Bytes))); // byte-identical to the real server's payload
        Assert.Equal("123456790000fffffa02feffffff2049107f8000dfeb", Hex.Of(Unwrap(send.Bytes, messages[0].Payload)));
        Assert.Contains(actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.SessionStarted);
    }

    [Fact]
    public void Receive_Issue8WholeFile_ServerWrapperInItIsNotAnswered()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);

        var actions = Feed(server, Issue8, DateTimeOffset.UnixEpoch, _random.Fill);

        Assert.Single(actions.OfType<SolarEdgeSend>()); // only the ACK of the 0x0503; the decrypted ACK gets no reply
        Assert.Empty(actions.OfType<SolarEdgeCommit>());
    }

    [Fact]
    public void Receive_SessionKeyInsideWrapper_AckWrappedWithTheNewSession()
    {
        var messages = CryptoVectors.Messages(Issue8);
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);
        Feed(server, messages[0].Message, DateTimeOffset.UnixEpoch, _random.Fill);

        // A new announcement, sent inside a wrapper made with the first session (spec §4.1).
        byte[] newPayload = [.. Enumerable.Range(0, 34).Select(i => (byte)(i * 7))];
        byte[] inner = Message(0x0400, FunctionCode.ServerSessionKey, newPayload);
        using SessionCipher old = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, CryptoVectors.Announcement(messages[0].Payload));
        var wrapper = new byte[SolarEdgeWire.FrameSize(EncryptedWrapper.PayloadLength(inner.Length))];
        old.WriteMessage(wrapper, EncryptedWrapper.InverterHeader(0x0400, CryptoVectors.Inverter), inner, 1, new byte[16], [1, 2, 3, 4]);

        var send = Assert.Single(Feed(server, wrapper, DateTimeOffset.UnixEpoch.AddHours(1), _random.Fill).OfType<SolarEdgeSend>());

        byte[] ack = Unwrap(send.Bytes, newPayload);
        Assert.Equal(new SolarEdgeHeader(0x0400, SolarEdgeAddress.Server, CryptoVectors.Inverter, FunctionCode.RespAck), HeaderOf(ack));
    }

    [Fact]
    public void Receive_WrapperBeforeAnySession_NoReplyAndWithoutSessionEvent()
    {
        byte[] wrapped = TestData.SolarEdge("synth_encrypted_inverter1ph_issue8.bin")[56..]; // skip the 0x0503 (56 bytes)
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);

        var actions = Feed(server, wrapped, DateTimeOffset.UnixEpoch, _random.Fill);

        Assert.Empty(actions.OfType<SolarEdgeSend>());
        Assert.Empty(actions.OfType<SolarEdgeCommit>());
        Assert.Contains(actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.WrapperWithoutSession);
    }

    [Fact]
    public void Receive_TlsClientHelloByteByByte_ClosesWithGuidanceOnTheSixthByte()
    {
        byte[] hello = Hex.Bytes("16 03 01 00 c8 01 00 00 c4 03 03 5a 5a 5a");
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);
        byte[] pending = [];
        var actions = new List<IReadOnlyList<SolarEdgeServerAction>>();

        foreach (byte b in hello)
        {
            actions.Add(Feed(server, ref pending, [b], DateTimeOffset.UnixEpoch, _random.Fill));
        }

        Assert.All(actions.Take(5), a => Assert.Empty(a));
        var close = Assert.Single(actions[5].OfType<SolarEdgeClose>());
        Assert.Equal(SolarEdgeCloseReason.TlsClientHello, close.Reason);
        Assert.Contains("use RS485 or SunSpec Modbus", close.Guidance, StringComparison.Ordinal);
        Assert.Contains(actions[5].OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.TlsClientHello);
        Assert.True(server.IsClosed);
        Assert.All(actions.Skip(6), a => Assert.Empty(a));
    }

    [Theory]
    [InlineData("16 03 01 00 c8 02")] // a ServerHello
    [InlineData("16 04")]
    [InlineData("17 03 03")]
    public void Probe_NotAClientHello_NotTls(string hex)
        => Assert.Equal(TlsProbe.NotTls, TlsClientHelloDetector.Probe(Hex.Bytes(hex)));

    [Fact]
    public void Receive_GarbageThenPostSplitEverywhere_OneCommitAndUndecodableEvent()
    {
        byte[] post = SyntheticPosts.OptimizerPost(CryptoVectors.Inverter, 42, 3, 1_700_000_000);
        byte[] stream = [.. Enumerable.Range(0, 100).Select(i => (byte)(i * 31 + 5)), .. post];
        for (int cut = 1; cut < stream.Length; cut += 7)
        {
            using var sessions = new InverterSessions(CryptoVectors.Lookup);
            var server = new SolarEdgeServerSession(sessions);
            byte[] pending = [];
            var actions = Feed(server, ref pending, stream[..cut], DateTimeOffset.UnixEpoch, _random.Fill)
                .Concat(Feed(server, ref pending, stream[cut..], DateTimeOffset.UnixEpoch, _random.Fill)).ToList();

            var commit = Assert.Single(actions.OfType<SolarEdgeCommit>());
            Assert.Equal((ushort)42, commit.Post.Sequence);
            Assert.Equal(3, commit.Post.Readings.Count);
            Assert.Equal(100, actions.OfType<SolarEdgeServerEvent>().Where(e => e.Kind == SolarEdgeServerEventKind.UndecodableData).Sum(e => e.Bytes));
            Assert.Empty(pending);
        }
    }

    [Fact]
    public void Receive_BadCrcPostThenGoodPost_OnlyTheGoodOneCommitted()
    {
        byte[] bad = SyntheticPosts.OptimizerPost(CryptoVectors.Inverter, 1, 2, 1_700_000_000);
        bad[^1] ^= 0xFF;
        byte[] good = SyntheticPosts.OptimizerPost(CryptoVectors.Inverter, 2, 2, 1_700_000_300);
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);

        var actions = Feed(server, [.. bad, .. good], DateTimeOffset.UnixEpoch, _random.Fill);

        Assert.Equal([(ushort)2], actions.OfType<SolarEdgeCommit>().Select(c => c.Post.Sequence));
        Assert.Equal(1, server.Framing.CrcErrors);
        Assert.Contains(actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.UndecodableData);
    }

    [Fact]
    public void Flush_FalseCandidateHidingAPost_PostFoundAfterFlush()
    {
        // A barker with a consistent length of 200 that never completes, followed by a whole post (spec §1.5 rule 6b).
        byte[] post = SyntheticPosts.OptimizerPost(CryptoVectors.Inverter, 3, 1, 1_700_000_000);
        byte[] stream = [.. Hex.Bytes("12345679 c800 37ff"), .. post];
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);
        var buffer = new ReadOnlySequence<byte>(stream);

        Assert.Empty(server.Receive(ref buffer, DateTimeOffset.UnixEpoch, true, _random.Fill).OfType<SolarEdgeCommit>());
        Assert.Single(server.Flush(ref buffer, DateTimeOffset.UnixEpoch.AddSeconds(2), true, _random.Fill).OfType<SolarEdgeCommit>());
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void Receive_GarbageFlood_Closes()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions, new SolarEdgeServerOptions { MaxGarbageBytes = 1000 });
        byte[] pending = [];
        var actions = new List<SolarEdgeServerAction>();
        for (int i = 0; i < 5 && !server.IsClosed; i++)
        {
            actions.AddRange(Feed(server, ref pending, new byte[300], DateTimeOffset.UnixEpoch, _random.Fill));
        }

        Assert.Equal(SolarEdgeCloseReason.GarbageFlood, Assert.Single(actions.OfType<SolarEdgeClose>()).Reason);
        Assert.Empty(Feed(server, SyntheticPosts.OptimizerPost(CryptoVectors.Inverter, 1, 1, 1), DateTimeOffset.UnixEpoch, _random.Fill));
    }

    [Fact]
    public void Receive_EmptyPost_AckedAtOnceWithoutCommit()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);

        var actions = Feed(server, Message(0x0549, FunctionCode.CmdServerPostData), DateTimeOffset.UnixEpoch, _random.Fill);

        Assert.Empty(actions.OfType<SolarEdgeCommit>());
        var send = Assert.Single(actions.OfType<SolarEdgeSend>());
        Assert.Equal(Hex.Of(SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(0x0549, SolarEdgeAddress.Server, CryptoVectors.Inverter, FunctionCode.RespAck), [])), Hex.Of(send.Bytes.Span));
        var decoded = Assert.Single(actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.PostDecoded);
        Assert.Equal(0, decoded.Records);
        Assert.Equal(1, server.Statistics.EmptyPosts);
    }

    [Fact]
    public void Receive_UnknownFunctionTwice_NoReplyAndReportedOnce()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);

        var actions = Feed(server, [.. Message(1, FunctionCode.CmdServerGetName), .. Message(2, FunctionCode.CmdServerGetName), .. Message(3, FunctionCode.RespAck)],
            DateTimeOffset.UnixEpoch, _random.Fill);

        Assert.Empty(actions.OfType<SolarEdgeSend>());
        Assert.Single(actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.UnhandledFunction);
        Assert.Equal(3, server.Statistics.Messages);
    }

    [Fact]
    public void Receive_BadAnnouncementLength_NoReplyAndUndecodableEvent()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);

        var actions = Feed(server, Message(4, FunctionCode.ServerSessionKey, new byte[10]), DateTimeOffset.UnixEpoch, _random.Fill);

        Assert.Empty(actions.OfType<SolarEdgeSend>());
        Assert.Contains(actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.UndecodableData);
        Assert.Equal(SessionState.None, sessions.StateOf(CryptoVectors.Inverter));
    }
}
