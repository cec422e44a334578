using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Commands;

namespace SolarTap.Protocols.Tests.SolarEdge.Commands;

public class ResponseDecoderTests
{
    [Fact]
    public void Format_SpecExample_ReproducesSemonitorLine()
    {
        // spec §6.3: value 376715698 = 0x167439B2, type 0.
        DecodedResponse response = ResponseDecoder.Decode(FunctionCode.RespParamsSingle, Hex.Bytes("b2 39 74 16 00 00"));

        string line = CommandOutputLine.Format(FunctionCode.CmdParamsGetSingle, response, 2047);

        Assert.Equal("""{"command": 18, "data": {"type": 0, "value": 376715698}, "response": 144, "sequence": 2047}""", line);
        Assert.Equal("value 376715698", response.Summary);
    }

    [Fact]
    public void Decode_SeveralParameters_ListsTypedValues()
    {
        DecodedResponse response = ResponseDecoder.Decode(FunctionCode.RespParamsSingle, Hex.Bytes("000000000300666f6f00d204000000009a99f6c20100f6ffffff0200"));

        Assert.Equal(ResponseKind.Parameters, response.Kind);
        Assert.Equal("values foo, 1234, -123.3, -10", response.Summary);
        Assert.Equal("""{"command": 18, "data": {"values": [{"type": 3, "value": "foo"}, {"type": 0, "value": 1234}, {"type": 1, "value": -123.30000305175781}, {"type": 2, "value": -10}]}, "response": 144, "sequence": 1}""",
            CommandOutputLine.Format(FunctionCode.CmdParamsGetSingle, response, 1));
    }

    [Fact]
    public void Decode_Version_PrintsSemonitorFormat()
    {
        // spec §2.2: "0003.1818"; 1818 = 0x071A.
        DecodedResponse response = ResponseDecoder.Decode(FunctionCode.RespMiscGetVer, Hex.Bytes("0300 1a07"));

        Assert.Equal((ResponseKind.Version, "version 0003.1818"), (response.Kind, response.Summary));
        Assert.Equal("0003.1818", response.Fields.Single(f => f.Name == "version").Value);
    }

    [Fact]
    public void Decode_ServerTime_RealCaptureValues()
    {
        // spec §2.2: 0x56360A18 and −28800 on the wire as 18 0a 36 56 80 8f ff ff.
        DecodedResponse response = ResponseDecoder.Decode(FunctionCode.RespServerGmt, Hex.Bytes("18 0a 36 56 80 8f ff ff"));

        Assert.Equal("2015-11-01T12:48:24Z, UTC-08:00", response.Summary);
        Assert.Equal([0x56360A18u, (object)(-28800)], response.Fields.Select(f => f.Value));
    }

    [Fact]
    public void Decode_EnergyStatistics_FourFloatsAndTime()
    {
        var payload = new byte[20];
        BitConverter.TryWriteBytes(payload.AsSpan(0), 216.33293f);
        BitConverter.TryWriteBytes(payload.AsSpan(4), 5000f);
        BitConverter.TryWriteBytes(payload.AsSpan(8), 1.5e-7f);
        BitConverter.TryWriteBytes(payload.AsSpan(12), 17590816f);
        BitConverter.TryWriteBytes(payload.AsSpan(16), 0x56360A18u);

        DecodedResponse response = ResponseDecoder.Decode(FunctionCode.RespPolestarGetEnergyStatisticsStatus, payload);

        Assert.Equal("Eday 216.3329315185547 Wh, Emon 5000.0 Wh, Eyear 1.500000053056283e-07 Wh, Etot 17590816.0 Wh, 2015-11-01T12:48:24Z", response.Summary);
        Assert.StartsWith("""{"command": 802, "data": {"Eday": 216.3329315185547, "Emon": 5000.0, "Etot": 17590816.0, "Eyear": 1.500000053056283e-07, "time": 1446382104}""",
            CommandOutputLine.Format(FunctionCode.CmdPolestarGetEnergyStatisticsStatus, response, 3), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_IpAddresses_ReversesOctets()
    {
        DecodedResponse response = ResponseDecoder.Decode(FunctionCode.RespPolestarIpAddrGet, Hex.Bytes("0a 02 00 c0  00 ff ff ff  01 02 00 c0  08 08 08 08"));

        Assert.Equal("IP 192.0.2.10, netmask 255.255.255.0, gateway 192.0.2.1, DNS 8.8.8.8", response.Summary);
    }

    [Fact]
    public void Decode_LcdText_FourTrimmedLines()
    {
        string screen = "Pac[W]      2850.0  " + "Vac[V]  Vdc[V]  P_OK" + "239.1   341.7   1/1 " + "ON\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
        DecodedResponse response = ResponseDecoder.Decode(FunctionCode.RespPolestarReadLcd, System.Text.Encoding.Latin1.GetBytes(screen));

        Assert.Equal("Pac[W]      2850.0 | Vac[V]  Vdc[V]  P_OK | 239.1   341.7   1/1 | ON", response.Summary);
    }

    [Theory]
    [InlineData(FunctionCode.RespMiscGetVer, "030000", "a 0x00B0 answer has 4 bytes (u16 major, u16 minor); this one has 3")]
    [InlineData(FunctionCode.RespServerGmt, "", "a 0x0580 answer has 8 bytes (u32 UTC time, i32 offset); this one has 0")]
    [InlineData(FunctionCode.RespParamsSingle, "", "a 0x0090 answer holds at least one value; this one has 0")]
    [InlineData(FunctionCode.RespPolestarReadLcd, "20", "a 0x0398 answer has 80 bytes (4 LCD lines of 20 characters); this one has 1")]
    public void Decode_WrongSize_IsMalformedWithReason(FunctionCode function, string hex, string error)
    {
        DecodedResponse response = ResponseDecoder.Decode(function, Hex.Bytes(hex));
        Assert.Equal((ResponseKind.Malformed, error), (response.Kind, response.Error));
    }

    [Fact]
    public void Decode_AckAndUnknown_AreNamed()
    {
        Assert.Equal("""{"command": 1280, "data": {}, "response": 128, "sequence": 9}""",
            CommandOutputLine.Format(FunctionCode.CmdServerPostData, ResponseDecoder.Decode(FunctionCode.RespAck, []), 9));
        DecodedResponse raw = ResponseDecoder.Decode((FunctionCode)0x0999, [1, 2]);
        Assert.Equal((ResponseKind.Raw, "function 0x0999, 2 bytes"), (raw.Kind, raw.Summary));
    }

    [Theory]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100.0")]
    [InlineData(3e-5, "3e-05")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void PythonFloat_MatchesPythonRepr(double value, string expected)
        => Assert.Equal(expected, CommandOutputLine.PythonFloat(value));

    [Fact]
    public void Decode_RandomPayloads_NeverThrows()
    {
        FunctionCode[] functions = [FunctionCode.RespParamsSingle, FunctionCode.RespMiscGetVer, FunctionCode.RespServerGmt, FunctionCode.RespPolestarGetEnergyStatisticsStatus,
            FunctionCode.RespPolestarIpAddrGet, FunctionCode.RespPolestarReadLcd, FunctionCode.RespMiscGetType, FunctionCode.RespNack, (FunctionCode)0x1234];
        Properties.ForAllBytes(0xDEC0_0001, bytes => functions.All(f =>
        {
            DecodedResponse response = ResponseDecoder.Decode(f, bytes);
            return CommandOutputLine.Format(FunctionCode.CmdMiscDummy, response, 1).StartsWith("{\"command\": ", StringComparison.Ordinal);
        }));
    }
}
