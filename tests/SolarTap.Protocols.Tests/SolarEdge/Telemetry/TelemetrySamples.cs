using System.Buffers;
using System.Text.Json;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Telemetry;

/// <summary>Telemetry inputs from the shared test data (plaintext files only; the encrypted ones belong to the crypto work).</summary>
internal static class TelemetrySamples
{
    public static readonly string[] PlaintextFiles =
    [
        "synth_inverter1ph_oldopt_issue8",
        "synth_opt0080_issue11",
        "synth_meter_s440_issue178",
        "rs485_grant_and_meter_issue136",
    ];

    /// <summary>Every 0x0500 message of a .bin file, in order: header and payload.</summary>
    public static List<(SolarEdgeHeader Header, byte[] Payload)> Posts(string name)
    {
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(TestData.SolarEdge(name + ".bin"));
        var posts = new List<(SolarEdgeHeader, byte[])>();
        while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            if (frame.Function == FunctionCode.CmdServerPostData)
            {
                posts.Add((frame.Header, frame.Payload.ToArray()));
            }
        }

        return posts;
    }

    /// <summary>The vectors of record_vectors.json (a parsed copy; the document is disposed).</summary>
    public static List<JsonElement> Vectors()
    {
        using JsonDocument doc = JsonDocument.Parse(TestData.SolarEdgeText("record_vectors.json"));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>A vector's record: header and data, with the declared length set to the bytes there are.</summary>
    public static (TelemetryRecordType Type, uint Id, byte[] Data) Record(JsonElement vector)
    {
        var type = (TelemetryRecordType)Convert.ToUInt16(vector.GetProperty("type").GetString(), 16);
        if (vector.TryGetProperty("hex_body_only", out JsonElement body))
        {
            return (type, 0, Convert.FromHexString(body.GetString()!));
        }

        byte[] all = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
        TelemetryRecordHeader.TryRead(all, out TelemetryRecordHeader header);
        return (header.Type, header.DeviceId, all[TelemetryRecordHeader.Size..]);
    }

    /// <summary>A payload holding one record of <paramref name="type"/> with <paramref name="data"/>.</summary>
    public static byte[] Payload(TelemetryRecordType type, uint id, ReadOnlySpan<byte> data)
    {
        var payload = new byte[TelemetryRecordHeader.Size + data.Length];
        new TelemetryRecordHeader(type, id, (ushort)data.Length).TryWrite(payload);
        data.CopyTo(payload.AsSpan(TelemetryRecordHeader.Size));
        return payload;
    }

    /// <summary>Real records (header + data) and real payloads, to seed mutation properties and the fuzzer.</summary>
    public static List<byte[]> Seeds()
    {
        var seeds = new List<byte[]>();
        foreach (JsonElement vector in Vectors())
        {
            (TelemetryRecordType type, uint id, byte[] data) = Record(vector);
            seeds.Add(Payload(type, id, data));
        }

        foreach (string file in PlaintextFiles)
        {
            seeds.AddRange(Posts(file).Select(p => p.Payload).Where(p => p.Length > 0));
        }

        return seeds;
    }
}
