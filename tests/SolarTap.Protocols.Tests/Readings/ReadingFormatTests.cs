using System.Text;
using System.Text.Json;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Protocols.Tests.Readings;

public class ReadingFormatTests
{
    private static readonly Reading Inverter = new(
        new DeviceIdentity(DeviceKind.Inverter, "7E1A06DB", Manufacturer: "SolarEdge"),
        DateTimeOffset.FromUnixTimeSeconds(1465388393),
        [new(Quantity.AcPower, 1445.5, Phase.L1), new(Quantity.EnergyTotal, 601179), new(Quantity.Temperature, double.NaN)]);

    [Fact]
    public void JsonFormat_Reading_WritesOneParsableLineWithUnits()
    {
        using var writer = new ReadingJsonWriter();

        string line = Encoding.UTF8.GetString(writer.Format(Inverter));

        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Equal(1, line.Count(c => c == '\n'));
        using JsonDocument doc = JsonDocument.Parse(line);
        JsonElement root = doc.RootElement;
        Assert.Equal("2016-06-08T12:19:53Z", root.GetProperty("time").GetString());
        Assert.Equal("inverter", root.GetProperty("kind").GetString());
        Assert.False(root.TryGetProperty("parent", out _));
        Assert.Equal(1445.5, root.GetProperty("values").GetProperty("AcPower.L1").GetProperty("value").GetDouble());
        Assert.Equal("Wh", root.GetProperty("values").GetProperty("EnergyTotal").GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("values").GetProperty("Temperature").GetProperty("value").ValueKind);
    }

    [Fact]
    public void JsonFormat_SecondCall_ReplacesTheFirstLine()
    {
        using var writer = new ReadingJsonWriter();
        var optimizer = new Reading(new DeviceIdentity(DeviceKind.Optimizer, "2023765D", "7E1A06DB"), Inverter.Timestamp, [new(Quantity.DcVoltage, 27)]);
        writer.Format(Inverter);

        string line = Encoding.UTF8.GetString(writer.Format(optimizer));

        Assert.StartsWith("{\"time\":\"2016-06-08T12:19:53Z\",\"kind\":\"optimizer\",\"device\":\"2023765D\",\"parent\":\"7E1A06DB\",", line, StringComparison.Ordinal);
        Assert.Equal(1, line.Count(c => c == '\n'));
    }

    [Fact]
    public void CsvFormat_Reading_WritesOneRowPerValue()
    {
        var csv = new StringBuilder(ReadingCsvWriter.Header);

        ReadingCsvWriter.Append(csv, Inverter);

        Assert.Equal(
            "time,kind,device,parent,quantity,phase,value,unit\n" +
            "2016-06-08T12:19:53Z,inverter,7E1A06DB,,AcPower,L1,1445.5,W\n" +
            "2016-06-08T12:19:53Z,inverter,7E1A06DB,,EnergyTotal,,601179,Wh\n" +
            "2016-06-08T12:19:53Z,inverter,7E1A06DB,,Temperature,,,°C\n",
            csv.ToString());
    }

    [Fact]
    public void CsvFormat_SerialWithComma_IsQuoted()
    {
        var csv = new StringBuilder();
        var battery = new Reading(new DeviceIdentity(DeviceKind.Battery, "BAT,\"1\""), Inverter.Timestamp, [new(Quantity.BatteryVoltage, 52.1)]);

        ReadingCsvWriter.Append(csv, battery);

        Assert.Equal("2016-06-08T12:19:53Z,battery,\"BAT,\"\"1\"\"\",,BatteryVoltage,,52.1,V\n", csv.ToString());
    }

    [Fact]
    public void UnitOf_EveryQuantity_HasAUnit()
    {
        foreach (Quantity quantity in Enum.GetValues<Quantity>())
        {
            _ = QuantityInfo.Symbol(QuantityInfo.UnitOf(quantity));
        }

        Assert.Equal("Wh", QuantityInfo.Symbol(QuantityInfo.UnitOf(Quantity.GridExportEnergyTotal)));
        Assert.True(QuantityInfo.IsLifetimeCounter(Quantity.EnergyTotal));
        Assert.False(QuantityInfo.IsLifetimeCounter(Quantity.EnergyToday));
    }
}
