using System.Text.Json;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Telemetry;

public class TelemetryReadingsTests
{
    [Fact]
    public void ToReading_SinglePhaseSample_MapsValuesAndOmitsNotAvailable()
    {
        (_, uint id, byte[] data) = Vector("0x0010");
        Assert.True(SinglePhaseInverterTelemetry.TryDecode(id, data, out var record));

        Reading reading = TelemetryReadings.ToReading(record!);

        Assert.Equal(new DeviceIdentity(DeviceKind.Inverter, "7F404A16", null, "SolarEdge"), reading.Device);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(0x56ACDDD5), reading.Timestamp);
        Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset);
        Assert.Equal(285.0, reading.Get(Quantity.AcPower));
        Assert.Equal(293.0, reading.Get(Quantity.AcApparentPower));
        Assert.Equal(5000.0, reading.Get(Quantity.MaxAcPower));
        Assert.Equal(17590816.0, reading.Get(Quantity.EnergyTotal));
        Assert.Equal(4.0, reading.Get(Quantity.OperatingMode));
        Assert.Equal(300.0, reading.Get(Quantity.ReportingInterval));
        Assert.Equal((double)238.9f, reading.Get(Quantity.AcVoltage));
        Assert.Null(reading.Get(Quantity.DcCurrent)); // n/a pattern at offset 48
        Assert.DoesNotContain(reading.Values, m => m.Value <= -3.4e38 || m.Phase != Phase.None);
    }

    [Fact]
    public void ToReading_ThreePhaseSample_PerPhaseValuesAndTotalPower()
    {
        (_, uint id, byte[] data) = Vector("0x0011");
        Assert.True(ThreePhaseInverterTelemetry.TryDecode(id, data, out var record));

        Reading reading = TelemetryReadings.ToReading(record!);

        Assert.Equal("7E1A06DB", reading.Device.Serial);
        Assert.Equal(231.9375, reading.Get(Quantity.AcVoltage, Phase.L1));
        Assert.Equal(231.875, reading.Get(Quantity.AcVoltage, Phase.L2));
        Assert.Equal(230.328125, reading.Get(Quantity.AcVoltage, Phase.L3));
        Assert.Equal(6.2890625, reading.Get(Quantity.AcCurrent, Phase.L2));
        Assert.Equal(1445.0, reading.Get(Quantity.AcPower, Phase.L1));
        Assert.Equal(3 * 1445.0, reading.Get(Quantity.AcPower));
        Assert.NotNull(reading.Get(Quantity.AcLineVoltage, Phase.L3));
        Assert.Equal(1.0, reading.Get(Quantity.PowerFactor, Phase.L1));
        Assert.Equal(601179.0, reading.Get(Quantity.EnergyTotal));
        Assert.Null(reading.Get(Quantity.AcVoltage)); // three-phase voltages only per phase
        Assert.Null(reading.Get(Quantity.DcCurrent));
        Assert.Null(reading.Get(Quantity.AcReactivePower, Phase.L1)); // beyond the published bytes
    }

    [Fact]
    public void ToReading_PackedOptimizer_ParentIsTheSourceInverter()
    {
        Assert.True(PackedOptimizerTelemetry.TryDecode(0x202374DA, Hex.Bytes("690d58579f7dd73c944b8c0e14"), out var record));

        Reading reading = TelemetryReadings.ToReading(record, 0x7E1A06DB);

        Assert.Equal(new DeviceIdentity(DeviceKind.Optimizer, "202374DA", "7E1A06DB", "SolarEdge"), reading.Device);
        Assert.Equal(26.875, reading.Get(Quantity.DcVoltage));
        Assert.Equal(33.875, reading.Get(Quantity.DcOutputVoltage));
        Assert.Equal(7.55625, reading.Get(Quantity.DcCurrent));
        Assert.Equal(26.875 * 7.55625, reading.Get(Quantity.DcPower));
        Assert.Equal(931.0, reading.Get(Quantity.EnergyToday));
        Assert.Equal(40.0, reading.Get(Quantity.Temperature));
        Assert.Equal(32159.0, reading.Get(Quantity.Uptime));
        Assert.All(reading.Values, m => Assert.NotEqual(Unit.None, QuantityInfo.UnitOf(m.Quantity)));
    }

    [Fact]
    public void ToReading_PackedOptimizerFromServerAddress_HasNoParent()
    {
        Assert.True(PackedOptimizerTelemetry.TryDecode(0x202374DA, Hex.Bytes("690d58579f7dd73c944b8c0e14"), out var record));

        Assert.Null(TelemetryReadings.ToReading(record, 0xFFFFFFFE).Device.Parent);
        Assert.Null(TelemetryReadings.ToReading(record, null).Device.Parent);
    }

    [Fact]
    public void ToReading_LegacyOptimizer_ParentIsTheMaskedInverterInTheRecord()
    {
        (_, uint id, byte[] data) = Vector("0x0000");
        Assert.True(LegacyOptimizerTelemetry.TryDecode(id, data, out var record));

        Reading reading = TelemetryReadings.ToReading(record);

        Assert.Equal("7F104A16", reading.Device.Parent);
        Assert.Equal(36.625, reading.Get(Quantity.DcVoltage));
        Assert.Equal(16.0, reading.Get(Quantity.Temperature));
    }

    [Fact]
    public void ToReading_S440LongForm_ParentFromTheRecordAndMaskedSerial()
    {
        (_, uint id, byte[] data) = Vector("0x0082");
        Assert.True(S440OptimizerTelemetry.TryDecode(id, data, out var record));

        Reading reading = TelemetryReadings.ToReading(record, 0x12345678);

        Assert.Equal("156752FD", reading.Device.Serial);
        Assert.Equal("7415F893", reading.Device.Parent);
        Assert.Equal(30.75, reading.Get(Quantity.DcVoltage));
        Assert.Equal(0.25 * 2011, reading.Get(Quantity.EnergyToday)); // provisional bytes 10-11
        Assert.Equal(26.0, reading.Get(Quantity.Temperature)); // provisional byte 12
    }

    [Fact]
    public void ToReading_MeterPvRecord_PvQuantitiesAndNoInvalidTotals()
    {
        (_, uint id, byte[] data) = Vector("0x0022");
        Assert.True(MeterTelemetry.TryDecode(id, data, out var record));

        Reading reading = TelemetryReadings.ToReading(record, 0x7415F893)!;

        Assert.Equal(new DeviceIdentity(DeviceKind.Meter, "7415F893", null, "SolarEdge"), reading.Device);
        Assert.Equal(173.0, reading.Get(Quantity.PvEnergyInterval));
        Assert.Equal((double)1446.0074f, reading.Get(Quantity.PvPower));
        Assert.Null(reading.Get(Quantity.PvEnergyTotal)); // flags 00 80, interval-only record
        Assert.Equal(2, reading.Values.Count);
    }

    [Fact]
    public void ToReading_MeterGridRecord_ImportExportAndValidTotals()
    {
        var total = new MeterTotal(123456, 0, 0);
        var record = new MeterTelemetry(0x7415F893, 1570868647, MeterFlow.Grid, 0, total, new MeterTotal(654321, 0, 0),
            default, default, 300, 10, 20, 120f, TelemetryValue.NotAvailable);

        Reading reading = TelemetryReadings.ToReading(record, null)!;

        Assert.Equal(123456.0, reading.Get(Quantity.GridExportEnergyTotal));
        Assert.Equal(654321.0, reading.Get(Quantity.GridImportEnergyTotal));
        Assert.Equal(10.0, reading.Get(Quantity.GridExportEnergyInterval));
        Assert.Equal(20.0, reading.Get(Quantity.GridImportEnergyInterval));
        Assert.Equal(120.0, reading.Get(Quantity.GridExportPower));
        Assert.Null(reading.Get(Quantity.GridImportPower));
        Assert.Null(reading.Get(Quantity.GridPower)); // net power needs both directions
    }

    [Fact]
    public void ToReading_MeterMostlyZeroRecord_IsNull()
    {
        var record = new MeterTelemetry(1, 2, MeterFlow.MostlyZero, 1, default, default, default, default, 300, 0, 0, 0f, 0f);

        Assert.Null(TelemetryReadings.ToReading(record, null));
    }

    [Fact]
    public void ToReading_Battery_IdentityAndDerivedStateOfCharge()
    {
        var record = new BatteryTelemetry
        {
            DeviceId = 0x7F104920, Timestamp = 1564659300, BatteryId = "BAT1234", Voltage = 51.5f, Current = -3.5f,
            CapacityNominal = 6400f, CapacityActual = 6000f, Charge = 1500f, TotalEnergyIn = 1000, TotalEnergyOut = 900,
            Temperature = TelemetryValue.NotAvailable, Status = 4, Interval = 300, EnergyIn = 0, EnergyOut = 15,
        };

        Reading reading = TelemetryReadings.ToReading(record);

        Assert.Equal(new DeviceIdentity(DeviceKind.Battery, "BAT1234", "7F104920", "SolarEdge"), reading.Device);
        Assert.Equal(25.0, reading.Get(Quantity.BatteryStateOfCharge));
        Assert.Equal(51.5, reading.Get(Quantity.BatteryVoltage));
        Assert.Equal(1500.0, reading.Get(Quantity.BatteryEnergyStored));
        Assert.Equal(15.0, reading.Get(Quantity.BatteryDischargeEnergyInterval));
        Assert.Null(reading.Get(Quantity.Temperature));
        Assert.Equal(Unit.Percent, QuantityInfo.UnitOf(Quantity.BatteryStateOfCharge));
    }

    private static (TelemetryRecordType Type, uint Id, byte[] Data) Vector(string type)
        => TelemetrySamples.Record(TelemetrySamples.Vectors().First(v => v.GetProperty("type").GetString() == type && v.TryGetProperty("hex", out JsonElement _)));
}
