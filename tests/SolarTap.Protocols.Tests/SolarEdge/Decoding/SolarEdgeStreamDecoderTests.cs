using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Protocols.Tests.SolarEdge.Decoding;

public class SolarEdgeStreamDecoderTests
{
    private static InverterKey Key()
    {
        Assert.True(InverterKey.TryParse(TestData.SolarEdgeText("7f104920.key"), out InverterKey? key, out _));
        return key!;
    }

    [Fact]
    public void Decode_EncryptedSession_UnwrapsAndDecodesBothPosts()
    {
        using var sessions = new InverterSessions(_ => Key());
        var sink = new RecordingSink();
        var statistics = new DecodeStatistics();
        var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), sink, statistics);
        var buffer = new ReadOnlySequence<byte>(TestData.SolarEdge("synth_passive_capture.inverter_stream.bin"));

        decoder.Decode(ref buffer, DateTimeOffset.UnixEpoch);

        Assert.True(buffer.IsEmpty);
        Assert.Equal([FunctionCode.ServerSessionKey, FunctionCode.CmdServerPostData, FunctionCode.CmdServerPostData], sink.Messages.Select(m => m.Header.Function));
        Assert.Equal(DecryptionStatus.Decrypted, sink.Messages[2].Status);
        Assert.Equal(0x040C, sink.Messages[2].Header.Sequence);
        Assert.Equal(16, sink.Readings.Count);
        Assert.Equal(1, statistics.Devices[0x7E1A06DB].Decrypted);
        Assert.Equal(1, statistics.Devices[0x7F104920].SessionAnnouncements);
    }

    [Fact]
    public void Decode_StreamFedOneByteAtATime_GivesTheSameMessages()
    {
        byte[] stream = TestData.SolarEdge("synth_passive_capture.inverter_stream.bin");
        using var sessions = new InverterSessions(_ => Key());
        var sink = new RecordingSink();
        var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), sink, new DecodeStatistics());
        var pending = new List<byte>();

        foreach (byte b in stream)
        {
            pending.Add(b);
            var buffer = new ReadOnlySequence<byte>([.. pending]);
            decoder.Decode(ref buffer, DateTimeOffset.UnixEpoch);
            pending = [.. buffer.ToArray()];
        }

        Assert.Empty(pending);
        Assert.Equal(3, sink.Messages.Count);
        Assert.Equal(16, sink.Readings.Count);
    }

    [Fact]
    public void Complete_TruncatedTail_RecoversFramesBehindAFalseCandidate()
    {
        byte[] post = TestData.SolarEdge("synth_opt0080_issue11.bin");
        byte[] stream = [.. Hex.Bytes("12 34 56 79 c8 00 37 ff"), .. post];
        using var sessions = new InverterSessions(_ => null);
        var sink = new RecordingSink();
        var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), sink, new DecodeStatistics());
        var buffer = new ReadOnlySequence<byte>(stream);

        decoder.Decode(ref buffer, DateTimeOffset.UnixEpoch);
        Assert.Empty(sink.Messages);
        decoder.Complete(ref buffer, DateTimeOffset.UnixEpoch);

        Assert.True(buffer.IsEmpty);
        Assert.Equal(8, sink.Readings.Count);
    }

    [Fact]
    public void Property_MutatedSessions_NeverThrowAndAlwaysDrain()
    {
        byte[][] seeds = [.. new[] { "synth_passive_capture.inverter_stream.bin", "synth_encrypted_inverter1ph_issue8.bin", "synth_meter_s440_issue178.bin" }.Select(TestData.SolarEdge)];
        InverterKey key = Key();
        Properties.ForAllMutations(0x57AE4D, seeds, bytes =>
        {
            using var sessions = new InverterSessions(_ => key);
            var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), new RecordingSink(), new DecodeStatistics());
            ReadOnlySequence<byte> buffer = Sequences.Split(bytes, bytes.Length / 3);
            decoder.Decode(ref buffer, DateTimeOffset.UnixEpoch);
            decoder.Complete(ref buffer, DateTimeOffset.UnixEpoch);
            return buffer.IsEmpty;
        }, tests: 300);
    }
}
