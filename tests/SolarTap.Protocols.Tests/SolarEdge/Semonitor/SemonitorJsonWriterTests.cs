using System.Buffers;
using System.Text;
using SolarTap.Protocols.SolarEdge.Semonitor;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Protocols.Tests.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Semonitor;

public class SemonitorJsonWriterTests
{
    [Theory]
    [InlineData("synth_inverter1ph_oldopt_issue8")]
    [InlineData("synth_opt0080_issue11")]
    [InlineData("synth_meter_s440_issue178")]
    [InlineData("rs485_grant_and_meter_issue136")]
    public void FormatLine_PlaintextCaptures_ByteIdenticalToSemonitor(string name)
    {
        var output = new StringBuilder();
        foreach ((_, byte[] payload) in TelemetrySamples.Posts(name))
        {
            output.Append(SemonitorJsonWriter.FormatLine(payload, TimeZoneInfo.Utc));
        }

        Assert.Equal(TestData.SolarEdgeText(name + ".semonitor.expected.json"), output.ToString());
    }

    [Fact]
    public void TryWriteLine_Capture_WritesTheSameUtf8Bytes()
    {
        byte[] payload = TelemetrySamples.Posts("synth_opt0080_issue11").Single().Payload;
        var buffer = new ArrayBufferWriter<byte>();

        Assert.True(SemonitorJsonWriter.TryWriteLine(payload, TimeZoneInfo.Utc, buffer));

        Assert.Equal(TestData.SolarEdge("synth_opt0080_issue11.semonitor.expected.json"), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void FormatLine_EmptyPayload_ReturnsNull()
    {
        Assert.Null(SemonitorJsonWriter.FormatLine([], TimeZoneInfo.Utc));
        Assert.False(SemonitorJsonWriter.TryWriteLine([], TimeZoneInfo.Utc, new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void FormatLine_UnknownRecordType_WritesUndecipheredHexInGroupsOf16()
    {
        byte[] data = Enumerable.Range(0, 24).Select(i => (byte)i).ToArray();
        byte[] payload = TelemetrySamples.Payload((TelemetryRecordType)0x0017, 0x7F104920, data);

        string line = SemonitorJsonWriter.FormatLine(payload, TimeZoneInfo.Utc)!;

        Assert.Equal(
            "{\"Unknown_device_0x0017\": {\"7F104920\": {\"Date\": \"1971-08-08\", \"Time\": \"01:29:36\", "
            + "\"Undeciphered_data\": \"04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 | 14 15 16 17\", "
            + "\"dateTime\": 50462976, \"devLen\": 24, \"devType\": \"Unknown_device_0x0017\", \"seId\": \"7F104920\", "
            + "\"seType\": \"0x0017\"}}, \"events\": {}, \"inverters\": {}, \"optimizers\": {}}\n",
            line);
    }

    [Fact]
    public void FormatLine_SameOptimizerTwice_LaterRecordReplacesEarlier()
    {
        byte[] first = Hex.Bytes("8000da7423200d00690d58579f7dd73c944b8c0e14");
        byte[] second = (byte[])first.Clone();
        second[8 + 4] = 0x01; // uptime low byte
        byte[] payload = [.. first, .. second];

        string line = SemonitorJsonWriter.FormatLine(payload, TimeZoneInfo.Utc)!;

        Assert.Contains("\"Uptime\": 32001", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Uptime\": 32159", line, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatLine_EventType1_AsctimeAndNumber()
    {
        byte[] data = Hex.Bytes("6ef5ee56010000006bf5ee56100e00006ef5ee560000000000000000");
        byte[] payload = TelemetrySamples.Payload(TelemetryRecordType.PolestarEvent, 0x7F104920, data);

        string line = SemonitorJsonWriter.FormatLine(payload, TimeZoneInfo.Utc)!;

        Assert.Equal(
            "{\"events\": {\"7F104920\": {\"Date\": \"2016-03-20\", \"Event1\": \"Sun Mar 20 19:09:31 2016\", \"Event2\": 3600, "
            + "\"Event3\": \"Sun Mar 20 19:09:34 2016\", \"ID\": \"7F104920\", \"Time\": \"19:09:34\", \"Type\": 1}}, "
            + "\"inverters\": {}, \"optimizers\": {}}\n",
            line);
    }

    [Fact]
    public void FormatLine_OtherTimeZone_ShiftsDateAndTime()
    {
        byte[] payload = TelemetrySamples.Payload(
            TelemetryRecordType.PackedOptimizer, 0x202374DA, Hex.Bytes("690d58579f7dd73c944b8c0e14"));
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC-8", TimeSpan.FromHours(-8), "UTC-8", "UTC-8");

        string line = SemonitorJsonWriter.FormatLine(payload, zone)!;

        Assert.Contains("\"Date\": \"2016-06-08\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Time\": \"04:19:53\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatLine_MutatedRealPayloads_NeverThrows()
    {
        List<byte[]> seeds = TelemetrySamples.Seeds();
        Properties.ForAllMutations(0x5E30_0001, seeds, input =>
        {
            string? line = SemonitorJsonWriter.FormatLine(input, TimeZoneInfo.Utc);
            return input.Length == 0 ? line is null : line!.EndsWith('\n');
        });
    }
}
