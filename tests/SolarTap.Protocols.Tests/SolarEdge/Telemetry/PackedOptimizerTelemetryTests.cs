using System.Text.Json;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Telemetry;

public class PackedOptimizerTelemetryTests
{
    [Fact]
    public void TryDecode_Issue11Capture_MatchesSeloggersRawIntegers()
    {
        (var header, byte[] payload) = TelemetrySamples.Posts("synth_opt0080_issue11").Single();
        using JsonDocument doc = JsonDocument.Parse(TestData.SolarEdgeText("synth_opt0080_issue11.selogger.expected.json"));
        JsonElement post = doc.RootElement.EnumerateArray().Single();
        Assert.Equal(post.GetProperty("seq").GetInt32(), header.Sequence);
        Assert.Equal(post.GetProperty("src").GetString(), header.Source.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));

        var decoded = new List<PackedOptimizerTelemetry>();
        var reader = new TelemetryRecordReader(payload);
        while (reader.TryReadNext(out TelemetryRecord record))
        {
            Assert.True(PackedOptimizerTelemetry.TryDecode(record, out PackedOptimizerTelemetry value));
            decoded.Add(value);
        }

        var expected = post.GetProperty("records").EnumerateArray().Select(e => (
            e.GetProperty("op_id").GetUInt32(), e.GetProperty("timestamp").GetUInt32(), e.GetProperty("uptime").GetInt32(),
            e.GetProperty("v_in").GetInt32(), e.GetProperty("v_out").GetInt32(), e.GetProperty("i_in").GetInt32(),
            e.GetProperty("e_day").GetInt32(), e.GetProperty("temperature").GetInt32()));
        var actual = decoded.Select(r => (r.DeviceId, r.Timestamp, (int)r.Uptime, (int)r.ModuleVoltageRaw, (int)r.OutputVoltageRaw,
            (int)r.ModuleCurrentRaw, (int)r.EnergyRaw, (int)r.TemperatureRaw));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TryDecode_ManyRecords_AllocatesNothing()
    {
        byte[] payload = Enumerable.Repeat(Hex.Bytes("8000da7423200d00690d58579f7dd73c944b8c0e14"), 100).SelectMany(b => b).ToArray();
        long sum = Sum(payload); // warm up (JIT)

        long before = GC.GetAllocatedBytesForCurrentThread();
        sum += Sum(payload);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2 * 100 * 3724, sum);
    }

    [Fact]
    public void TryDecode_NegativeTemperatureByte_IsSigned()
    {
        Assert.True(PackedOptimizerTelemetry.TryDecode(1, Hex.Bytes("00000000 0000 00000000 0000 fb"), out var value));

        Assert.Equal(-10.0, value.Temperature);
    }

    private static long Sum(byte[] payload)
    {
        long sum = 0;
        var reader = new TelemetryRecordReader(payload);
        while (reader.TryReadNext(out TelemetryRecord record))
        {
            if (PackedOptimizerTelemetry.TryDecode(record, out PackedOptimizerTelemetry value))
            {
                sum += value.EnergyRaw;
            }
        }

        return sum;
    }
}
