using SolarTap.Devices.Serial;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Testing.Serial;

namespace SolarTap.Devices.Tests.Serial;

public sealed class SolarEdgeSerialReceiverTests
{
    [Fact]
    public void Receive_AnySplitWithGarbageBetween_ReturnsEveryMessageInOrder()
    {
        // spec §1.5: a serial line may split and join messages anywhere and carry noise between them.
        Properties.ForAllBytes(0x5E_0485, input =>
        {
            byte[][] payloads = [input[..(input.Length / 3)], input[(input.Length / 3)..(2 * input.Length / 3)], []];
            byte[] garbage = [.. input.Take(7).Select(b => b == 0x12 ? (byte)0 : b)]; // no barker start inside the noise
            var stream = new List<byte>(garbage);
            var expected = new List<SolarEdgeHeader>();
            for (int i = 0; i < payloads.Length; i++)
            {
                var header = new SolarEdgeHeader((ushort)(i + 1), 0x7F10_4920, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData);
                expected.Add(header);
                stream.AddRange(SolarEdgeFrameWriter.ToArray(header, payloads[i]));
                stream.AddRange(garbage);
            }

            int[] chunks = [.. input.Select(b => 1 + (b % 17)).DefaultIfEmpty(5)];
            var clock = new SteppedClock(DateTimeOffset.UnixEpoch);
            var receiver = new SolarEdgeSerialReceiver(new ClockedSerialPort(new ChunkedPort([.. stream], chunks), clock), clock);
            var received = new List<SolarEdgeSerialMessage>();
            while (receiver.Receive(TimeSpan.FromSeconds(1)) is { } message)
            {
                received.Add(message);
            }

            return received.Select(m => m.Header).SequenceEqual(expected)
                && received.Select(m => m.Payload).Zip(payloads).All(p => p.First.AsSpan().SequenceEqual(p.Second))
                && receiver.Statistics.CrcErrors == 0;
        });
    }

    [Fact]
    public void Receive_StalledCandidateThenQuietThenAMessage_GivesUpTheCandidateAndFindsTheMessage()
    {
        // spec §1.5 rule 6b: a barker declaring 100 payload bytes that never come must not hide what follows.
        byte[] stalled = [0x12, 0x34, 0x56, 0x79, 0x64, 0x00, 0x9B, 0xFF, 0x01, 0x00];
        byte[] whole = SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(7, 0x7F10_4920, SolarEdgeAddress.Server, FunctionCode.RespPolestarMasterGrantAck), []);
        var clock = new SteppedClock(DateTimeOffset.UnixEpoch);
        var receiver = new SolarEdgeSerialReceiver(new ClockedSerialPort(new ChunkedPort([.. stalled, .. whole], [10, 0, 0, 0, 22]), clock), clock);

        SolarEdgeSerialMessage? message = receiver.Receive(TimeSpan.FromSeconds(5));

        Assert.NotNull(message);
        Assert.Equal(7, message.Header.Sequence);
        Assert.Equal(1, receiver.Statistics.TruncatedCandidates);
    }

    [Fact]
    public void Receive_Silence_ReturnsNullAfterExactlyTheTimeout()
    {
        var clock = new SteppedClock(DateTimeOffset.UnixEpoch);
        var receiver = new SolarEdgeSerialReceiver(new ClockedSerialPort(new ChunkedPort([], []), clock), clock);

        Assert.Null(receiver.Receive(TimeSpan.FromMilliseconds(1500)));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), clock.Elapsed);
    }
}
