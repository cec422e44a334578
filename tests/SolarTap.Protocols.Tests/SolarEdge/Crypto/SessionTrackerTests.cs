using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Protocols.Tests.SolarEdge.Crypto;

public class SessionTrackerTests
{
    private static readonly DateTimeOffset Now = new(2016, 3, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Issue8 = TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin");

    [Fact]
    public void Process_Issue8Exchange_StartsSessionThenDecryptsServerAck()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var tracker = new SessionTracker(sessions);
        var results = Run(tracker, Issue8);

        Assert.Equal((DecryptionStatus.Plain, SessionChange.Started, FunctionCode.ServerSessionKey), (results[0].Status, results[0].Change, results[0].Header.Function));
        Assert.Equal(DecryptionStatus.Decrypted, results[1].Status);
        Assert.Equal(new SolarEdgeHeader(0x02FA, SolarEdgeAddress.Server, CryptoVectors.Inverter, FunctionCode.RespAck), results[1].Header);
        Assert.Equal(CryptoVectors.Inverter, results[1].Inverter);
        Assert.Equal(new DecryptedWrapper(0x0009, 0xED46F7D9, 22), results[1].Wrapper);
        Assert.Equal(SessionState.Active, sessions.StateOf(CryptoVectors.Inverter));
        Assert.Equal(Now, sessions.AnnouncedAt(CryptoVectors.Inverter));
    }

    [Fact]
    public void Process_SyntheticEncryptedPost_InnerIsThePlainPostFile()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var results = Run(new SessionTracker(sessions), TestData.SolarEdge("synth_encrypted_inverter1ph_issue8.bin"));
        var plain = CryptoVectors.Messages(TestData.SolarEdge("synth_inverter1ph_oldopt_issue8.bin")).Single();

        Assert.Equal(DecryptionStatus.Decrypted, results[1].Status);
        Assert.Equal(plain.Header, results[1].Header);
        Assert.Equal(Hex.Of(plain.Payload), Hex.Of(results[1].Payload));
    }

    [Fact]
    public void Process_PassiveCaptureInverterStream_DecryptsWrappedPostSeq040C()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var results = Run(new SessionTracker(sessions), TestData.SolarEdge("synth_passive_capture.inverter_stream.bin"));

        Assert.Equal([DecryptionStatus.Plain, DecryptionStatus.Plain, DecryptionStatus.Decrypted], results.Select(r => r.Status));
        Assert.Equal((FunctionCode.CmdServerPostData, (ushort)0x040C), (results[2].Header.Function, results[2].Header.Sequence));
        Assert.Equal(new DecryptedWrapper(0x0002, 0x01020304, results[2].Wrapper.InnerLength), results[2].Wrapper);
        Assert.Equal(Hex.Of(results[1].Payload), Hex.Of(results[2].Payload)); // the same 8 records, once plain, once wrapped
    }

    [Fact]
    public void Process_MultiSegmentFrames_GiveSameResults()
    {
        byte[] stream = TestData.SolarEdge("synth_passive_capture.inverter_stream.bin");
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var tracker = new SessionTracker(sessions);
        var reader = new SolarEdgeFrameReader();
        ReadOnlySequence<byte> buffer = Sequences.Split(stream, 30, 77, 200, 333, 401, 450);
        var scratch = new byte[SolarEdgeWire.MaxPayloadLength];
        var statuses = new List<(DecryptionStatus, ushort)>();
        while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            TrackedMessage message = tracker.Process(frame, Now, scratch);
            statuses.Add((message.Status, message.Header.Sequence));
        }

        Assert.Equal([(DecryptionStatus.Plain, (ushort)0x02FA), (DecryptionStatus.Plain, (ushort)0x040B), (DecryptionStatus.Decrypted, (ushort)0x040C)], statuses);
    }

    [Fact]
    public void Process_NoKeyThenKeyFound_ReportsNoKeyThenDecrypts()
    {
        InverterKey? known = null;
        using var sessions = new InverterSessions(_ => known);
        var tracker = new SessionTracker(sessions);
        var messages = CryptoVectors.Messages(Issue8);

        Assert.Equal(SessionChange.StartedWithoutKey, Process(tracker, messages[0]).Change);
        Assert.Equal(SessionState.NoKey, sessions.StateOf(CryptoVectors.Inverter));
        Assert.Equal(DecryptionStatus.NoKey, Process(tracker, messages[1]).Status);

        known = CryptoVectors.Key7F104920;
        Assert.Equal(DecryptionStatus.Decrypted, Process(tracker, messages[1]).Status);
    }

    [Fact]
    public void Process_WrapperWithoutAnnouncement_ReportsNoSession()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var tracker = new SessionTracker(sessions);
        var messages = CryptoVectors.Messages(TestData.SolarEdge("synth_encrypted_inverter1ph_issue8.bin"));

        Result result = Process(tracker, messages[1]);

        Assert.Equal((DecryptionStatus.NoSession, CryptoVectors.Inverter), (result.Status, result.Inverter));
        Assert.Equal(SessionState.None, sessions.StateOf(CryptoVectors.Inverter));
    }

    [Fact]
    public void Process_WrongKey_ReportsWrongKeyOrCorrupt()
    {
        using var sessions = new InverterSessions(_ => InverterKey.FromBytes(new byte[16]));
        var results = Run(new SessionTracker(sessions), Issue8);

        Assert.Equal(DecryptionStatus.WrongKeyOrCorrupt, results[1].Status);
        Assert.Equal(FunctionCode.EncryptedWrapper, results[1].Header.Function);
    }

    [Fact]
    public void Process_ServerWrapperOnStreamOfUnknownInverter_TriesKnownSessionsAndLearnsInverter()
    {
        // Passive capture of the server→inverter direction alone: the stream never names its inverter.
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var messages = CryptoVectors.Messages(Issue8);
        var serverSide = new SessionTracker(sessions);
        Assert.Equal(DecryptionStatus.UnknownInverter, Process(serverSide, messages[1]).Status);

        Process(new SessionTracker(sessions), messages[0]);
        Result result = Process(serverSide, messages[1]);

        Assert.Equal((DecryptionStatus.Decrypted, FunctionCode.RespAck), (result.Status, result.Header.Function));
        Assert.Equal(CryptoVectors.Inverter, serverSide.StreamInverter);
    }

    [Fact]
    public void ExportThenImport_FreshProcess_DecryptsNextWrapper()
    {
        var messages = CryptoVectors.Messages(Issue8);
        string state;
        using (var before = new InverterSessions(CryptoVectors.Lookup))
        {
            Process(new SessionTracker(before), messages[0]);
            state = before.Export();
        }

        using var after = new InverterSessions(CryptoVectors.Lookup);
        Assert.True(after.TryImport(state, out string? error), error);
        var tracker = new SessionTracker(after) { StreamInverter = CryptoVectors.Inverter };

        Assert.Equal(DecryptionStatus.Decrypted, Process(tracker, messages[1]).Status);
        Assert.Equal(InverterSessions.ExportHeader + "\n7F104920 2016-03-25T10:00:00.0000000Z " + Hex.Of(messages[0].Payload) + "\n", state);
        Assert.Equal(Now, after.AnnouncedAt(CryptoVectors.Inverter));
    }

    [Theory]
    [InlineData("7F104920 2016-03-25T10:00:00.0000000Z", "line 2: expected 3 fields")]
    [InlineData("7F10492G 2016-03-25T10:00:00.0000000Z 00", "line 2: expected an inverter ID of up to 8 hexadecimal digits, found '7F10492G'")]
    [InlineData("FFFFFFFE 2016-03-25T10:00:00.0000000Z 00", "line 2: expected an inverter ID")]
    [InlineData("7F104920 yesterday 00", "line 2: expected a UTC receive time like 2016-03-25T10:00:00.0000000Z, found 'yesterday'")]
    [InlineData("7F104920 2016-03-25T10:00:00.0000000Z 853c", "line 2: expected the 0x0503 payload as 68 hexadecimal digits, found '853c'")]
    public void TryImport_BadLine_NamesLineAndRestoresNothing(string line, string expected)
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        string good = "7E1A0823 2016-03-25T10:00:00.0000000Z " + new string('a', 68);

        Assert.False(sessions.TryImport(good + "\n" + line + "\n", out string? error));

        Assert.StartsWith("session state " + expected, error, StringComparison.Ordinal);
        Assert.Empty(sessions.Inverters);
    }

    [Fact]
    public void TryImport_OlderThanCurrent_KeepsCurrentSession()
    {
        var messages = CryptoVectors.Messages(Issue8);
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        Process(new SessionTracker(sessions), messages[0]);

        Assert.True(sessions.TryImport("7F104920 2016-03-24T10:00:00.0000000Z " + new string('0', 68), out _));

        Assert.Equal(Now, sessions.AnnouncedAt(CryptoVectors.Inverter));
    }

    [Fact]
    public void Process_AnnouncementInsideWrapper_StartsNewSessionForLaterWrappers()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var tracker = new SessionTracker(sessions);
        var messages = CryptoVectors.Messages(Issue8);
        Process(tracker, messages[0]);
        byte[] r1r2 = [.. Enumerable.Range(1, 34).Select(i => (byte)i)];
        byte[] innerAnnouncement = SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(0x0300, CryptoVectors.Inverter, SolarEdgeAddress.Server, FunctionCode.ServerSessionKey), r1r2);
        using var oldSession = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, SessionCipherTests.Issue8Announcement());
        using var newSession = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, CryptoVectors.Announcement(r1r2));
        byte[] post = SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(0x0301, CryptoVectors.Inverter, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData), [1, 2, 3]);

        Result first = Process(tracker, Wrap(oldSession, innerAnnouncement));
        Result second = Process(tracker, Wrap(newSession, post));

        Assert.Equal((DecryptionStatus.Decrypted, SessionChange.Started, FunctionCode.ServerSessionKey), (first.Status, first.Change, first.Header.Function));
        Assert.Equal((DecryptionStatus.Decrypted, (ushort)0x0301), (second.Status, second.Header.Sequence));
    }

    [Fact]
    public void TryWrapReply_Issue8Values_ReproducesCapturedServerWrapper()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var tracker = new SessionTracker(sessions);
        var messages = CryptoVectors.Messages(Issue8);
        var destination = new byte[100];
        Assert.Equal(WrapStatus.UnknownInverter, tracker.TryWrapReply(destination, 0x07E6, [], 0, new byte[16], new byte[4], out _));
        Process(tracker, messages[0]);
        byte[] ack = SolarEdgeFrameWriter.ToArray(messages[0].Header.ReplyWith(FunctionCode.RespAck), []);

        WrapStatus status = tracker.TryWrapReply(destination, 0x07E6, ack, 0x0009, Hex.Bytes("25de16b5347134cece801ccef77fa9d1"), Hex.Bytes("ed46f7d9"), out int written);

        Assert.Equal(WrapStatus.Written, status);
        Assert.Equal(Hex.Of(messages[1].Message), Hex.Of(destination.AsSpan(0, written)));
        Assert.Equal(WrapStatus.DestinationTooSmall, tracker.TryWrapReply(new byte[65], 1, ack, 1, new byte[16], new byte[4], out _));
        Assert.Equal(WrapStatus.NoSession, sessions.TryWrap(0x12345678, destination, 1, ack, 1, new byte[16], new byte[4], out _));
    }

    [Fact]
    public void Process_ScratchShorterThanPayload_ReportsBufferTooSmall()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var tracker = new SessionTracker(sessions);
        var messages = CryptoVectors.Messages(Issue8);
        Process(tracker, messages[0]);

        Assert.Equal(DecryptionStatus.BufferTooSmall, tracker.Process(messages[1].Header, messages[1].Payload, Now, new byte[43]).Status);
    }

    [Fact]
    public void Process_RandomAndMutatedStreams_NeverThrowsNorWritesPastScratch()
    {
        byte[][] seeds =
        [
            Issue8,
            TestData.SolarEdge("synth_encrypted_inverter1ph_issue8.bin"),
            TestData.SolarEdge("synth_passive_capture.inverter_stream.bin"),
        ];
        bool Check(byte[] stream)
        {
            using var sessions = new InverterSessions(CryptoVectors.Lookup);
            var tracker = new SessionTracker(sessions);
            var reader = new SolarEdgeFrameReader();
            var buffer = new ReadOnlySequence<byte>(stream);
            while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done || reader.AbandonCandidate(ref buffer))
            {
                int length = (int)frame.Payload.Length;
                var scratch = new byte[length + 16];
                scratch.AsSpan(length).Fill(0x5A);
                TrackedMessage message = tracker.Process(frame, Now, scratch.AsSpan(0, length));
                if (scratch.AsSpan(length).IndexOfAnyExcept((byte)0x5A) >= 0 || message.Payload.Length > length)
                {
                    return false;
                }
            }

            // The same bytes taken as one wrapper payload, from an inverter and from the server.
            var spare = new byte[stream.Length + 8];
            tracker.Process(EncryptedWrapper.InverterHeader(1, CryptoVectors.Inverter), stream, Now, spare);
            tracker.Process(EncryptedWrapper.ServerHeader(1), stream, Now, spare.AsSpan(0, stream.Length));
            return spare.AsSpan(stream.Length).IndexOfAnyExcept((byte)0) < 0;
        }

        Properties.ForAllMutations(0x7AC4_E201, seeds, Check, tests: 400);
        Properties.ForAllBytes(0x7AC4_E202, Check, tests: 300);
    }

    private static byte[] Wrap(SessionCipher cipher, byte[] inner)
    {
        var message = new byte[SolarEdgeWire.FrameSize(EncryptedWrapper.PayloadLength(inner.Length))];
        cipher.WriteMessage(message, EncryptedWrapper.InverterHeader(0x0400, CryptoVectors.Inverter), inner, 5, new byte[16], [9, 8, 7, 6]);
        return message;
    }

    private static Result Process(SessionTracker tracker, byte[] message) => Process(tracker, CryptoVectors.Messages(message).Single());

    private static Result Process(SessionTracker tracker, (SolarEdgeHeader Header, byte[] Payload, byte[] Message) message)
    {
        var scratch = new byte[message.Payload.Length];
        TrackedMessage result = tracker.Process(message.Header, message.Payload, Now, scratch);
        return new Result(result.Status, result.Header, result.Payload.ToArray(), result.Inverter, result.Wrapper, result.SessionChange);
    }

    private static List<Result> Run(SessionTracker tracker, byte[] stream)
        => [.. CryptoVectors.Messages(stream).Select(m => Process(tracker, m))];

    private sealed record Result(DecryptionStatus Status, SolarEdgeHeader Header, byte[] Payload, uint Inverter, DecryptedWrapper Wrapper, SessionChange Change);
}
