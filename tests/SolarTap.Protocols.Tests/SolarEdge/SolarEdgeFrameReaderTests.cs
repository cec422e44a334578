using System.Buffers;
using System.Globalization;
using System.Text.Json;
using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Protocols.Tests.SolarEdge;

public class SolarEdgeFrameReaderTests
{
    private static readonly byte[] GetParameter = Hex.Bytes("12 34 56 79 02 00 fd ff 3a 00 fe ff ff ff e7 28 10 7d 12 00 29 03 d8 b9");

    [Fact]
    public void TryReadFrame_WorkedExample_DecodesEveryField()
    {
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(GetParameter);

        Assert.Equal(OperationStatus.Done, reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame));

        Assert.Equal(new SolarEdgeHeader(0x003A, 0xFFFFFFFE, 0x7D1028E7, FunctionCode.CmdParamsGetSingle), frame.Header);
        Assert.Equal([0x29, 0x03], frame.Payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_RealMessages_MatchRecordedHeadersAndCrcVerdicts()
    {
        using JsonDocument doc = JsonDocument.Parse(TestData.SolarEdgeText("real_messages.json"));
        int checkedMessages = 0;
        foreach (JsonElement message in doc.RootElement.EnumerateArray())
        {
            byte[] bytes = Convert.FromHexString(message.GetProperty("hex").GetString()!);
            JsonElement header = message.GetProperty("decoded_header");
            var reader = new SolarEdgeFrameReader();
            var buffer = new ReadOnlySequence<byte>(bytes);
            OperationStatus status = reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame);

            if (!header.GetProperty("crc_ok").GetBoolean())
            {
                Assert.NotEqual(OperationStatus.Done, status);
                Assert.Equal(1, reader.Statistics.CrcErrors);
                continue;
            }

            Assert.Equal(OperationStatus.Done, status);
            Assert.Equal(Number(header, "seq"), frame.Sequence);
            Assert.Equal(Number(header, "src"), frame.Source);
            Assert.Equal(Number(header, "dst"), frame.Destination);
            Assert.Equal(Number(header, "function"), (uint)frame.Function);
            Assert.Equal(header.GetProperty("payload_hex").GetString(), Hex.Of(frame.Payload.ToArray()));
            Assert.Equal(header.GetProperty("extra_bytes_after_crc").GetString(), Hex.Of(buffer.ToArray()));
            checkedMessages++;
        }

        Assert.Equal(14, checkedMessages);
    }

    [Fact]
    public void TryReadFrame_PysolaredgeVectors_GiveTheRecordedVerdicts()
    {
        using JsonDocument doc = JsonDocument.Parse(TestData.SolarEdgeText("framing_and_param_vectors_pysolaredge_wg.json"));
        foreach (JsonElement vector in doc.RootElement.GetProperty("framing").EnumerateArray())
        {
            byte[] bytes = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
            string expect = vector.GetProperty("expect").GetString()!;
            var reader = new SolarEdgeFrameReader();
            var buffer = new ReadOnlySequence<byte>(bytes);
            OperationStatus status = reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame);

            if (expect.StartsWith("valid", StringComparison.Ordinal))
            {
                Assert.Equal(OperationStatus.Done, status);
                if (vector.TryGetProperty("seq", out _))
                {
                    Assert.Equal(Number(vector, "seq"), frame.Sequence);
                    Assert.Equal(Number(vector, "function"), (uint)frame.Function);
                }

                Assert.Equal(expect.EndsWith("cafe", StringComparison.Ordinal) ? "cafe" : "", Hex.Of(buffer.ToArray()));
            }
            else
            {
                Assert.Equal(OperationStatus.NeedMoreData, status);
                Assert.Equal(expect switch
                {
                    "reject: bad barker" => 0,
                    "reject: inverted length mismatch" => 1,
                    "reject: CRC mismatch" => 1,
                    _ => 0,
                }, reader.Statistics.Rejected);
                Assert.Equal(expect.StartsWith("incomplete", StringComparison.Ordinal), buffer.Length == bytes.Length);
            }
        }
    }

    [Fact]
    public void TryReadFrame_GarbageAroundFrames_SkipsGarbageAndCountsIt()
    {
        byte[] stream = [.. Hex.Bytes("00 12 34 56 ff 12"), .. GetParameter, .. Hex.Bytes("12 34 56 79 05 00"), .. GetParameter];
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(stream);

        Assert.Equal(OperationStatus.Done, reader.TryReadFrame(ref buffer, out _));
        Assert.Equal(OperationStatus.Done, reader.TryReadFrame(ref buffer, out _));

        Assert.True(buffer.IsEmpty);
        Assert.Equal(6 + 6, reader.Statistics.BytesSkipped);
        Assert.Equal(1, reader.Statistics.LengthMismatches);
    }

    [Fact]
    public void TryReadFrame_BadCrcHidingARealFrame_FindsTheRealFrame()
    {
        // A corrupt candidate whose declared length swallows the next real message (spec §1.5 rule 4).
        byte[] corrupt = [.. GetParameter];
        corrupt[20] ^= 0xFF;
        byte[] swallowing = [.. Hex.Bytes("12 34 56 79 18 00 e7 ff"), .. new byte[12], .. GetParameter, 0, 0];
        byte[] stream = [.. corrupt, .. swallowing];
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(stream);

        Assert.Equal(OperationStatus.Done, reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame));

        Assert.Equal(0x003A, frame.Sequence);
        Assert.Equal(2, reader.Statistics.CrcErrors);
    }

    [Fact]
    public void TryReadFrame_MessageSplitAtEveryPosition_IsFoundOnceComplete()
    {
        for (int cut = 1; cut < GetParameter.Length; cut++)
        {
            var reader = new SolarEdgeFrameReader();
            var partial = new ReadOnlySequence<byte>(GetParameter, 0, cut);
            Assert.Equal(OperationStatus.NeedMoreData, reader.TryReadFrame(ref partial, out _));
            Assert.Equal(cut, partial.Length);

            ReadOnlySequence<byte> whole = Sequences.Split(GetParameter, cut, cut + 3);
            Assert.Equal(OperationStatus.Done, reader.TryReadFrame(ref whole, out SolarEdgeFrame frame));
            Assert.Equal([0x29, 0x03], frame.Payload.ToArray());
        }
    }

    [Fact]
    public void TryReadFrame_OversizedDeclaredLength_IsTreatedAsFalseBarker()
    {
        // N = 0x4000 + 1 exceeds the 16 KiB cap: the reader must not wait for it.
        byte[] stream = [.. Hex.Bytes("12 34 56 79 01 40 fe bf"), .. GetParameter];
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(stream);

        Assert.Equal(OperationStatus.Done, reader.TryReadFrame(ref buffer, out _));
        Assert.Equal(1, reader.Statistics.OversizedCandidates);
    }

    [Fact]
    public void AbandonCandidate_TruncatedCandidateBeforeRealFrame_RecoversTheFrame()
    {
        // A candidate declaring 200 bytes that never come; the real frame inside it is found after abandoning.
        byte[] stream = [.. Hex.Bytes("12 34 56 79 c8 00 37 ff"), .. GetParameter];
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(stream);
        Assert.Equal(OperationStatus.NeedMoreData, reader.TryReadFrame(ref buffer, out _));

        Assert.True(reader.AbandonCandidate(ref buffer));

        Assert.Equal(OperationStatus.Done, reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame));
        Assert.Equal(0x003A, frame.Sequence);
        Assert.Equal(1, reader.Statistics.TruncatedCandidates);
    }

    [Fact]
    public void TryParse_CompleteMessage_ReturnsHeaderAndPayloadRange()
    {
        Assert.True(SolarEdgeFrameReader.TryParse(GetParameter, out SolarEdgeHeader header, out Range payload));
        Assert.Equal(FunctionCode.CmdParamsGetSingle, header.Function);
        Assert.Equal([0x29, 0x03], GetParameter[payload]);
        Assert.False(SolarEdgeFrameReader.TryParse(GetParameter.AsSpan(0, 23), out _, out _));
    }

    [Fact]
    public void Property_RandomInput_NeverThrowsAndNeverConsumesMoreThanGiven()
    {
        Properties.ForAllBytes(0x5EF4A3E1, bytes =>
        {
            var reader = new SolarEdgeFrameReader(maxPayloadLength: 64);
            var buffer = Sequences.Split(bytes, bytes.Length / 2);
            long before = buffer.Length;
            while (true)
            {
                OperationStatus status = reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame);
                if (status == OperationStatus.Done)
                {
                    continue;
                }

                if (!reader.AbandonCandidate(ref buffer))
                {
                    break;
                }
            }

            return buffer.IsEmpty && reader.Statistics.BytesSkipped <= before;
        });
    }

    [Fact]
    public void Property_FramesInGarbage_AreAllRecovered()
    {
        // Any frames the writer makes, separated by garbage free of barkers, come back intact and in order.
        Properties.ForAllBytes(0x1BADB002, bytes =>
        {
            var expected = new List<byte[]>();
            var stream = new List<byte>();
            for (int i = 0; i + 2 <= bytes.Length; i += 2)
            {
                byte[] payload = bytes.AsSpan(i, Math.Min(bytes[i] % 40, bytes.Length - i)).ToArray();
                var header = new SolarEdgeHeader((ushort)i, 0x7F104920u + (uint)i, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData);
                byte[] message = SolarEdgeFrameWriter.ToArray(header, payload);
                expected.Add(message);
                stream.AddRange(Enumerable.Repeat((byte)(bytes[i + 1] & 0x0F), bytes[i + 1] % 5));
                stream.AddRange(message);
            }

            var reader = new SolarEdgeFrameReader();
            var buffer = Sequences.Split([.. stream], stream.Count / 3, stream.Count / 2);
            var found = new List<byte[]>();
            while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
            {
                var copy = new byte[frame.WireLength];
                SolarEdgeFrameWriter.Write(copy, frame.Header, frame.Payload.ToArray());
                found.Add(copy);
            }

            return buffer.IsEmpty && found.Count == expected.Count && found.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
        }, tests: 200);
    }

    private static uint Number(JsonElement element, string name)
        => uint.Parse(element.GetProperty(name).GetString()!.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
