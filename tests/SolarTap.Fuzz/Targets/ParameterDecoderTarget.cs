using System.Text.Json;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Commands;
using SolarTap.Protocols.SolarEdge.Parameters;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>0x0090 values, 0x0012 ID lists and the response decoder with its JSON line, on the same bytes.</summary>
internal sealed class ParameterDecoderTarget : IFuzzTarget
{
    private static readonly FunctionCode[] Functions =
    [
        FunctionCode.RespParamsSingle, FunctionCode.RespMiscGetVer, FunctionCode.RespMiscGetType, FunctionCode.RespServerGmt,
        FunctionCode.RespPolestarGetEnergyStatisticsStatus, FunctionCode.RespPolestarIpAddrGet, FunctionCode.RespPolestarReadLcd,
        FunctionCode.RespAck, FunctionCode.RespNack,
    ];

    public string Name => "parameter-decoder";

    public IEnumerable<byte[]> Seeds()
    {
        using JsonDocument doc = JsonDocument.Parse(TestData.SolarEdgeText("framing_and_param_vectors_pysolaredge_wg.json"));
        return [.. doc.RootElement.GetProperty("parameter_values_0x0090").EnumerateArray()
            .Concat(doc.RootElement.GetProperty("parameter_ids_0x0012").EnumerateArray())
            .Select(v => Convert.FromHexString(v.GetProperty("hex").GetString()!))];
    }

    public void Run(byte[] input)
    {
        if (ParameterCodec.TryReadValues(input, out IReadOnlyList<ParameterValue> values, out string? error) != (error is null))
        {
            throw new InvalidOperationException("TryReadValues result and error disagree.");
        }

        if (values.Count > input.Length / ParameterCodec.EntryLength)
        {
            throw new InvalidOperationException("More values than the payload can hold.");
        }

        foreach (ParameterValue value in values)
        {
            _ = value.ToString();
        }

        ParameterCodec.TryReadGetRequest(input, out _, out _);
        foreach (FunctionCode function in Functions)
        {
            _ = CommandOutputLine.Format(FunctionCode.CmdParamsGetSingle, ResponseDecoder.Decode(function, input), 1);
        }
    }
}
