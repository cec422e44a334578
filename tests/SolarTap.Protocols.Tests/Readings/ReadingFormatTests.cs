using System.Text.Json;
using System.Text;
using FsCheck.Fluent;
using FsCheck;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.Tests.Readings;

public class ReadingFormatTests
{
    private static readonly Reading Inverter = new(
        new DeviceIdentity(DeviceKind.Inverter, "7E1A06DB", Manufacturer: "SolarEdge"),
        DateTimeOffset.FromUnixTimeSeconds(1465388393),
        [new(Quantity.AcPower, 1445.5, Phase.L1), new(Quantity.EnergyTotal, 601179), new(Quantity.Temperature, double.NaN)]);

    [Fact]
    public void JsonFormat_Reading_WritesOneParsableLine()
    {
        var writer = new ReadingJsonWriter();

        string line = Encoding.UTF8.GetString(writer.Format(Inverter));

        Assert.Equal(
            "{\"time\":\"2016-06-08T12:19:53Z\",\"kind\":\"inverter\",\"device\":\"7E1A06DB\",\"values\":{\"AcPower.L1\":1445.5,\"EnergyTotal\":601179,\"Temperature\":null}}\n",
            line);
        using JsonDocument doc = JsonDocument.Parse(line);
        Assert.Equal(1445.5, doc.RootElement.GetProperty("values").GetProperty("AcPower.L1").GetDouble());
    }

    [Fact]
    public void JsonFormat_SecondCall_ReplacesTheFirstLine()
    {
        var writer = new ReadingJsonWriter();
        var optimizer = new Reading(new DeviceIdentity(DeviceKind.Optimizer, "2023765D", "7E1A06DB"), Inverter.Timestamp, [new(Quantity.DcVoltage, 27)]);
        writer.Format(Inverter);

        string line = Encoding.UTF8.GetString(writer.Format(optimizer));

        Assert.Equal("{\"time\":\"2016-06-08T12:19:53Z\",\"kind\":\"optimizer\",\"device\":\"2023765D\",\"parent\":\"7E1A06DB\",\"values\":{\"DcVoltage\":27}}\n", line);
    }

    [Fact]
    public void JsonFormat_SerialNeedingEscapes_StaysValidJson()
    {
        var battery = new Reading(new DeviceIdentity(DeviceKind.Battery, "BAT \"1\"\\"), Inverter.Timestamp, [new(Quantity.BatteryVoltage, 52.1)]);

        using JsonDocument doc = JsonDocument.Parse(new ReadingJsonWriter().Format(battery).ToArray());

        Assert.Equal("BAT \"1\"\\", doc.RootElement.GetProperty("device").GetString());
    }

    [Fact]
    public void Property_JsonNumbers_ReadBackToTheSameDouble()
    {
        // The fast decimal path and the round-trip fallback must both give back the exact double.
        Prop.ForAll(ArbMap.Default.ArbFor<double>(), (double value) =>
        {
            if (!double.IsFinite(value))
            {
                return true;
            }

            var reading = new Reading(Inverter.Device, Inverter.Timestamp, [new(Quantity.AcPower, value), new(Quantity.DcCurrent, value / 160), new(Quantity.DcVoltage, Math.Round(value) / 8)]);
            using JsonDocument doc = JsonDocument.Parse(new ReadingJsonWriter().Format(reading).ToArray());
            JsonElement values = doc.RootElement.GetProperty("values");
            return values.GetProperty("AcPower").GetDouble() == value
                && values.GetProperty("DcCurrent").GetDouble() == value / 160
                && values.GetProperty("DcVoltage").GetDouble() == Math.Round(value) / 8;
        }).Check(Properties.Pinned(0x0DDBA11, tests: 2000));
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
