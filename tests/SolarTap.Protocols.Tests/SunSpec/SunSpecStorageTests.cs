using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;

namespace SolarTap.Protocols.Tests.SunSpec;

/// <summary>Model 124 (basic storage controls), docs/spec/sunspec.md §3.6, against the image in <see cref="SunSpecSite.Storage124"/>.</summary>
public class SunSpecStorageTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryDecodeStorage_SiteImage_ScaledPoints()
    {
        ushort[] block = [124, 24, .. SunSpecSite.Storage124()];

        Assert.Equal(SunSpecDecodeStatus.Ok, SunSpecDecoder.TryDecodeStorage(block, out SunSpecStorage? storage));

        Assert.Equal(5000, storage!.MaxChargePower);
        Assert.Equal((ushort)0, storage.ControlMode);
        Assert.Equal(10.0, storage.MinimumReserve);
        Assert.Equal(73.4, storage.StateOfCharge);
        Assert.Equal(150.0, storage.AvailableAmpHours);
        Assert.Equal(51.2, storage.BatteryVoltage);
        Assert.Equal((ushort)3, storage.ChargeStatus);
        Assert.Equal(100.0, storage.DischargeRatePercent);
        Assert.Equal(50.0, storage.ChargeRatePercent);
        Assert.Equal((ushort)1, storage.GridCharging);
    }

    [Fact]
    public void TryDecodeStorage_NotImplementedScaleFactor_PointLeftOut()
    {
        ushort[] body = SunSpecSite.Storage124();
        body[20] = 0x8000; // ChaState_SF not implemented
        body[8] = 0xFFFF;  // InBatV not implemented

        SunSpecDecoder.TryDecodeStorage([124, 24, .. body], out SunSpecStorage? storage);

        Assert.Null(storage!.StateOfCharge);
        Assert.Null(storage.BatteryVoltage);
        Assert.Equal(150.0, storage.AvailableAmpHours);
    }

    [Theory]
    [InlineData(802, 24, 24, SunSpecDecodeStatus.WrongModel)]
    [InlineData(124, 23, 24, SunSpecDecodeStatus.TooShort)]
    [InlineData(124, 24, 23, SunSpecDecodeStatus.TooShort)]
    public void TryDecodeStorage_WrongIdOrShort_Refused(int id, int declared, int present, SunSpecDecodeStatus expected)
    {
        ushort[] block = [(ushort)id, (ushort)declared, .. SunSpecSite.Storage124().AsSpan(0, present)];

        Assert.Equal(expected, SunSpecDecoder.TryDecodeStorage(block, out SunSpecStorage? storage));
        Assert.Null(storage);
    }

    [Fact]
    public void FromMap_HybridWithStorage_BatteryBehindTheInverter()
    {
        SunSpecMap map = SunSpecSite.Hybrid();

        IReadOnlyList<Reading> readings = SunSpecReadings.FromMap(map.Models.Select(h => new SunSpecBlock(h, map.Block(h))), Now, "unit1");

        Assert.Equal(2, readings.Count);
        Assert.Equal(new DeviceIdentity(DeviceKind.Inverter, SunSpecSite.HybridSerial, null, "Example Hybrid"), readings[0].Device);
        Reading battery = readings[1];
        Assert.Equal(new DeviceIdentity(DeviceKind.Battery, SunSpecSite.HybridSerial + "-storage", SunSpecSite.HybridSerial, "Example Hybrid"), battery.Device);
        Assert.Equal(73.4, battery.Get(Quantity.BatteryStateOfCharge));
        Assert.Equal(51.2, battery.Get(Quantity.BatteryVoltage));
        Assert.Equal(3, battery.Get(Quantity.BatteryStatus));
        Assert.Equal(3, battery.Values.Count);
    }
}
