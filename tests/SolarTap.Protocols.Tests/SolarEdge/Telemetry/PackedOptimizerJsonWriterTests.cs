using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Telemetry;

public class PackedOptimizerJsonWriterTests
{
    private const int RecordLength = TelemetryRecordHeader.Size + PackedOptimizerTelemetry.DataLength;

    [Fact]
    public void Write_RandomPackedPosts_WritesExactlyWhatTheReadingPathWrites()
    {
        Gen<PackedOptimizerTelemetry> record =
            from device in Gen.Choose(0, int.MaxValue)
            from time in Gen.Choose(0, int.MaxValue)
            from uptime in Gen.Choose(0, ushort.MaxValue)
            from word in Gen.Choose(int.MinValue, int.MaxValue)
            from energy in Gen.Choose(0, ushort.MaxValue)
            from temperature in Gen.Choose(sbyte.MinValue, sbyte.MaxValue)
            select new PackedOptimizerTelemetry(
                (uint)device * 2, (uint)time * 2, (ushort)uptime, (ushort)(word & 0x3FF), (ushort)((word >> 10) & 0x3FF),
                (ushort)((uint)word >> 20), (ushort)energy, (sbyte)temperature);
        Gen<(PackedOptimizerTelemetry[] Records, uint Source)> post =
            from count in Gen.Choose(1, 40)
            from records in Gen.ArrayOf(record, count)
            from source in Gen.Elements(0x7E1A06DBu, 0xFFFFFFFFu, 0u, 0xFFFFFFFDu)
            select (records, source);

        var writer = new PackedOptimizerJsonWriter();
        Prop.ForAll(post.ToArbitrary(), p =>
        {
            byte[] payload = Encode(p.Records);
            Assert.True(PackedOptimizerJsonWriter.IsPackedOnly(payload, out int records));
            Assert.Equal(p.Records.Length, records);
            Assert.Equal(ViaReadings(payload, p.Source), Direct(writer, payload, p.Source));
            return true;
        }).Check(SolarTap.Testing.Properties.Pinned(0x0080_7E1A, tests: 2_000));
    }

    [Fact]
    public void Write_OneKnownRecord_WritesTheDocumentedLine()
    {
        // spec §3.4 layout: 27.0 V in, 33.75 V out, 7.675 A (0.00625 × 1228 in double), 100.5 Wh, 32 °C.
        var record = new PackedOptimizerTelemetry(0x2023765D, 1_465_388_266, 3600, 216, 270, 1228, 402, 16);
        string line = Direct(new PackedOptimizerJsonWriter(), Encode([record]), 0x7E1A06DB);

        Assert.Equal(
            "{\"time\":\"2016-06-08T12:17:46Z\",\"kind\":\"optimizer\",\"device\":\"2023765D\",\"parent\":\"7E1A06DB\"," +
            "\"values\":{\"DcVoltage\":27,\"DcOutputVoltage\":33.75,\"DcCurrent\":7.675000000000001,\"DcPower\":207.22500000000002," +
            "\"EnergyToday\":100.5,\"Temperature\":32,\"Uptime\":3600}}\n",
            line);
        Assert.Equal(ViaReadings(Encode([record]), 0x7E1A06DB), line);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("8000 5D762300 0D00 00000000000000000000000000 00")] // a byte after the record
    [InlineData("8000 5D762300 0D00 000000000000000000000000")] // truncated record
    [InlineData("8000 5D762300 0C00 000000000000000000000000 8000")] // wrong length field
    [InlineData("8200 5D762300 0D00 00000000000000000000000000")] // another type
    public void IsPackedOnly_AnythingElse_IsFalse(string hex)
    {
        Assert.False(PackedOptimizerJsonWriter.IsPackedOnly(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), out int records));
        Assert.Equal(0, records);
    }

    [Fact]
    public void IsPackedOnly_MixedPost_IsFalse()
    {
        byte[] packed = Encode([new PackedOptimizerTelemetry(0x0023765D, 1, 2, 3, 4, 5, 6, 7)]);
        byte[] mixed = [.. packed, .. Convert.FromHexString("82005D7623000D0000000000000000000000000000")];
        Assert.True(PackedOptimizerJsonWriter.IsPackedOnly(packed, out _));
        Assert.False(PackedOptimizerJsonWriter.IsPackedOnly(mixed, out _));
    }

    private static byte[] Encode(PackedOptimizerTelemetry[] records)
    {
        var payload = new byte[records.Length * RecordLength];
        for (int i = 0; i < records.Length; i++)
        {
            Assert.True(records[i].TryWrite(payload.AsSpan(i * RecordLength), out _));
        }

        return payload;
    }

    private static string ViaReadings(byte[] payload, uint source)
    {
        var json = new ReadingJsonWriter();
        var text = new StringBuilder();
        foreach (Reading reading in TelemetryDecoder.Decode(payload, source).Readings)
        {
            text.Append(Encoding.UTF8.GetString(json.Format(reading)));
        }

        return text.ToString();
    }

    private static string Direct(PackedOptimizerJsonWriter writer, byte[] payload, uint source)
    {
        var buffer = new byte[(payload.Length / RecordLength) * PackedOptimizerJsonWriter.MaxLineLength];
        return Encoding.UTF8.GetString(buffer, 0, writer.Write(payload, source, buffer));
    }
}
