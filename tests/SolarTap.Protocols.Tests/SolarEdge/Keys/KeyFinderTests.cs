using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Protocols.SolarEdge.Parameters;

namespace SolarTap.Protocols.Tests.SolarEdge.Keys;

public class KeyFinderTests
{
    private const uint Inverter = 0x7F104920;
    private static readonly uint[] KeyValues = [0x232599E1, 0x47BBDDF4, 0x6F6F33D5, 0x78327E17];

    [Fact]
    public void Observe_PortalReadsFourParameters_YieldsKeyOfKeyFile()
    {
        var finder = new KeyFinder();
        var completed = new List<bool>();
        for (int i = 0; i < 4; i++)
        {
            completed.Add(finder.Observe(Request((ushort)(0x0100 + i), (ushort)(0x0239 + i))));
            completed.Add(finder.Observe(Reply((ushort)(0x0100 + i), KeyValues[i])));
        }

        Assert.Equal([false, false, false, false, false, false, false, true], completed);
        Assert.Equal("e1992523f4ddbb47d5336f6f177e3278", finder.KeyOf(Inverter)!.ToHex());
        Assert.Equal(TestData.SolarEdgeText("7f104920.key"), finder.Keys[Inverter].ToKeyFileText());
        Assert.Equal("7F104920: key complete (0x0239..0x023C)", finder.Progress.Single().ToString());
    }

    [Fact]
    public void Observe_TwoPartsSeen_ReportsFoundAndMissing()
    {
        var finder = new KeyFinder();
        finder.Observe(Request(1, 0x0239));
        finder.Observe(Reply(1, KeyValues[0]));
        finder.Observe(Request(2, 0x023A));
        finder.Observe(Reply(2, KeyValues[1]));
        finder.Observe(Request(3, 0x023B)); // never answered

        KeySearchProgress progress = finder.Progress.Single();

        Assert.Equal("7F104920: found 0x0239, 0x023A; missing 0x023B, 0x023C", progress.ToString());
        Assert.Null(finder.KeyOf(Inverter));
        Assert.Empty(finder.Keys);
    }

    [Fact]
    public void Observe_InterleavedStreamsAndMasterSource_MatchesBySequenceAndAddresses()
    {
        // Both directions of two inverters arrive interleaved; the second reads via 0xFFFFFFFE in one request.
        const uint Other = 0x7E1A0823;
        var finder = new KeyFinder();
        var payload = new byte[8];
        ParameterCodec.WriteGetRequest(payload, [0x0239, 0x023A, 0x023B, 0x023C]);
        finder.Observe(Frame(new SolarEdgeHeader(9, SolarEdgeAddress.Server, Other, FunctionCode.CmdParamsGetSingle), payload));
        for (int i = 0; i < 4; i++)
        {
            finder.Observe(Request((ushort)(0x0200 + i), (ushort)(0x0239 + i)));
        }

        var values = new byte[24];
        ParameterCodec.WriteValues(values, [.. KeyValues.Reverse().Select(ParameterValue.FromUInt32)]);
        Assert.True(finder.Observe(Frame(new SolarEdgeHeader(9, Other, SolarEdgeAddress.Server, FunctionCode.RespParamsSingle), values)));
        for (int i = 3; i >= 0; i--)
        {
            finder.Observe(Reply((ushort)(0x0200 + i), KeyValues[i]));
        }

        Assert.Equal("e1992523f4ddbb47d5336f6f177e3278", finder.KeyOf(Inverter)!.ToHex());
        Assert.Equal("177e3278d5336f6ff4ddbb47e1992523", finder.KeyOf(Other)!.ToHex());
    }

    [Fact]
    public void Observe_ReplyWithoutMatchingRequest_IsIgnored()
    {
        var finder = new KeyFinder();
        finder.Observe(Request(5, 0x0239));

        finder.Observe(Reply(6, KeyValues[0]));                                   // other sequence
        finder.Observe(Frame(new SolarEdgeHeader(5, Inverter, SolarEdgeAddress.Server, FunctionCode.RespParamsSingle), Value(KeyValues[0]))); // other requester
        finder.Observe(Frame(new SolarEdgeHeader(5, Inverter, SolarEdgeAddress.ConfigurationTool, FunctionCode.RespParamsSingle), Hex.Bytes("000000000300666f6f00"))); // string

        Assert.Equal("7F104920: found none; missing 0x0239, 0x023A, 0x023B, 0x023C", finder.Progress.Single().ToString());
    }

    [Fact]
    public void Observe_NonKeyRequestsAndOtherSources_AreIgnored()
    {
        var finder = new KeyFinder();
        finder.Observe(Request(1, 0x0329));
        finder.Observe(Frame(new SolarEdgeHeader(2, 0x12345678, Inverter, FunctionCode.CmdParamsGetSingle), [0x39, 0x02]));

        Assert.Empty(finder.Progress);
    }

    [Fact]
    public void Observe_FramesFromReader_MultiSegment_FindsKey()
    {
        var stream = new List<byte>();
        for (int i = 0; i < 4; i++)
        {
            stream.AddRange(RequestBytes((ushort)(40 + i), (ushort)(0x0239 + i)));
            stream.AddRange(ReplyBytes((ushort)(40 + i), KeyValues[i]));
        }

        byte[] bytes = [.. stream];
        var reader = new SolarEdgeFrameReader();
        ReadOnlySequence<byte> buffer = Sequences.Split(bytes, [.. Enumerable.Range(1, bytes.Length / 7).Select(i => i * 7)]);
        var finder = new KeyFinder();
        while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            finder.Observe(frame);
        }

        Assert.NotNull(finder.KeyOf(Inverter));
    }

    [Fact]
    public void Observe_RequestBytesOfSpec_AreRecognised()
    {
        // spec §4.2 way 1: se-logger's request for inverter 0x7F101234, seq 1.
        byte[] request = Hex.Bytes("12 34 56 79 02 00 fd ff 01 00 fd ff ff ff 34 12 10 7f 12 00 39 02 5a 63");
        var finder = new KeyFinder();

        finder.Observe(Frame(request));

        Assert.Equal(0x7F101234u, finder.Progress.Single().InverterId);
    }

    [Fact]
    public void Observe_RandomMessages_NeverThrows()
        => Properties.ForAllBytes(0x4B45_5946, bytes =>
        {
            var finder = new KeyFinder();
            for (int i = 0; i + 4 <= bytes.Length; i += 4)
            {
                var function = (bytes[i] & 1) == 0 ? FunctionCode.CmdParamsGetSingle : FunctionCode.RespParamsSingle;
                uint address = bytes[i + 1] % 3 == 0 ? SolarEdgeAddress.ConfigurationTool : Inverter;
                var header = new SolarEdgeHeader(bytes[i + 2], address, address == Inverter ? SolarEdgeAddress.ConfigurationTool : Inverter, function);
                finder.Observe(header, bytes.AsSpan(i, Math.Min(bytes.Length - i, bytes[i + 3] % 16)));
            }

            return finder.Progress.Count <= 1;
        });

    private static SolarEdgeFrame Request(ushort sequence, ushort id) => Frame(RequestBytes(sequence, id));

    private static SolarEdgeFrame Reply(ushort sequence, uint value) => Frame(ReplyBytes(sequence, value));

    private static byte[] RequestBytes(ushort sequence, ushort id)
        => SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(sequence, SolarEdgeAddress.ConfigurationTool, Inverter, FunctionCode.CmdParamsGetSingle), [(byte)id, (byte)(id >> 8)]);

    private static byte[] ReplyBytes(ushort sequence, uint value)
        => SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(sequence, Inverter, SolarEdgeAddress.ConfigurationTool, FunctionCode.RespParamsSingle), Value(value));

    private static byte[] Value(uint value)
    {
        var payload = new byte[6];
        ParameterCodec.WriteValues(payload, [ParameterValue.FromUInt32(value)]);
        return payload;
    }

    private static SolarEdgeFrame Frame(byte[] message)
    {
        var buffer = new ReadOnlySequence<byte>(message);
        new SolarEdgeFrameReader().TryReadFrame(ref buffer, out SolarEdgeFrame frame);
        return frame;
    }

    private static SolarEdgeFrame Frame(SolarEdgeHeader header, byte[] payload) => Frame(SolarEdgeFrameWriter.ToArray(header, payload));
}
