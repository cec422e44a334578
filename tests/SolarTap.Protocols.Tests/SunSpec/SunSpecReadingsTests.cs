using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;

namespace SolarTap.Protocols.Tests.SunSpec;

public class SunSpecReadingsTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromMap_LeaderWithMeter_InverterAndMeterReadingsWithParent()
    {
        IReadOnlyList<Reading> readings = Map(SunSpecSite.Leader());

        Assert.Equal(2, readings.Count);
        Reading inverter = readings[0];
        Assert.Equal(new DeviceIdentity(DeviceKind.Inverter, SunSpecSite.LeaderSerial, null, "SolarEdge"), inverter.Device);
        Assert.Equal(Now, inverter.Timestamp);
        Assert.Equal(2845, inverter.Get(Quantity.AcPower));
        Assert.Equal(12.34, inverter.Get(Quantity.AcCurrent));
        Assert.Equal(4.12, inverter.Get(Quantity.AcCurrent, Phase.L1));
        Assert.Equal(229.9, inverter.Get(Quantity.AcVoltage, Phase.L3));
        Assert.Equal(399.9, inverter.Get(Quantity.AcLineVoltage, Phase.L3));
        Assert.Equal(0.981, inverter.Get(Quantity.PowerFactor));
        Assert.Equal(12_345_678, inverter.Get(Quantity.EnergyTotal));
        Assert.Equal(45.12, inverter.Get(Quantity.Temperature));
        Assert.Equal(4, inverter.Get(Quantity.OperatingMode));
        Assert.Null(inverter.Get(Quantity.DcCurrent));
        Assert.Null(inverter.Get(Quantity.AcVoltage)); // three-phase: only per phase

        Reading meter = readings[1];
        Assert.Equal(new DeviceIdentity(DeviceKind.Meter, SunSpecSite.MeterSerial, SunSpecSite.LeaderSerial, "SolarEdge"), meter.Device);
        Assert.Equal(5_000_000, meter.Get(Quantity.GridExportEnergyTotal));
        Assert.Equal(3_210_000, meter.Get(Quantity.GridImportEnergyTotal));
        Assert.Equal(-1500, meter.Get(Quantity.AcPower));
        Assert.Equal(-520, meter.Get(Quantity.AcPower, Phase.L2));
        Assert.Equal(-0.96, meter.Get(Quantity.PowerFactor, Phase.L2));
        Assert.Equal(230.0, meter.Get(Quantity.AcVoltage));
        Assert.Equal(50.01, meter.Get(Quantity.AcFrequency));
    }

    [Fact]
    public void FromMap_FollowerWithBattery_FloatInverterAndBattery()
    {
        IReadOnlyList<Reading> readings = Map(SunSpecSite.Follower());

        Assert.Equal([DeviceKind.Inverter, DeviceKind.Battery], readings.Select(r => r.Device.Kind));
        Assert.Equal(3500.5, readings[0].Get(Quantity.AcPower));
        Assert.Equal(0.995, readings[0].Get(Quantity.PowerFactor));
        Assert.Equal(38.5, readings[0].Get(Quantity.Temperature));
        Reading battery = readings[1];
        Assert.Equal(SunSpecSite.BatterySerial, battery.Device.Serial);
        Assert.Equal(SunSpecSite.FollowerSerial, battery.Device.Parent);
        Assert.Equal(65.5, battery.Get(Quantity.BatteryStateOfCharge));
        Assert.Equal(401.2, battery.Get(Quantity.BatteryVoltage));
        Assert.Equal(-5.23, battery.Get(Quantity.BatteryCurrent));
        Assert.Equal(-2100, battery.Get(Quantity.BatteryPower));
        Assert.Equal(9700, battery.Get(Quantity.BatteryCapacityNominal));
        Assert.Equal(3, battery.Get(Quantity.BatteryStatus));
    }

    [Fact]
    public void FromInverter_SinglePhase_UnphasedVoltage()
    {
        ushort[] body = SunSpecSite.Inverter103();
        SunSpecDecoder.TryDecodeInverter(SunSpecDecoderTests.Block(101, body), out SunSpecInverter? inverter);

        Reading reading = SunSpecReadings.FromInverter(new DeviceIdentity(DeviceKind.Inverter, "x"), Now, inverter!);

        Assert.Equal(230.1, reading.Get(Quantity.AcVoltage));
        Assert.Null(reading.Get(Quantity.AcVoltage, Phase.L1));
        Assert.Null(reading.Get(Quantity.AcCurrent, Phase.L1));
    }

    [Fact]
    public void FromMap_NoCommonAndUnknownModels_FallbackSerialAndSkips()
    {
        var blocks = new[]
        {
            new SunSpecBlock(new SunSpecModelHeader(160, 40002, 4), [160, 4, 0, 0, 0, 0]),
            new SunSpecBlock(new SunSpecModelHeader(103, 40008, 50), SunSpecDecoderTests.Block(103, SunSpecSite.Inverter103())),
            new SunSpecBlock(new SunSpecModelHeader(203, 40060, 105), [203, 105]), // read failed part-way
        };

        IReadOnlyList<Reading> readings = SunSpecReadings.FromMap(blocks, Now, "unit3");

        Reading only = Assert.Single(readings);
        Assert.Equal(new DeviceIdentity(DeviceKind.Inverter, "unit3", null, SunSpecReadings.UnknownManufacturer), only.Device);
    }

    [Fact]
    public void Readings_EveryValue_HasQuantityWithUnit()
    {
        foreach (Reading reading in Map(SunSpecSite.Leader()).Concat(Map(SunSpecSite.Follower())))
        {
            Assert.All(reading.Values, m => Assert.True(double.IsFinite(m.Value) && Enum.IsDefined(QuantityInfo.UnitOf(m.Quantity))));
            Assert.Equal(reading.Values.Count, reading.Values.Select(m => (m.Quantity, m.Phase)).Distinct().Count());
        }
    }

    private static IReadOnlyList<Reading> Map(SunSpecMap map) =>
        SunSpecReadings.FromMap(map.Models.Select(h => new SunSpecBlock(h, map.Block(h))), Now, "unit1");
}
