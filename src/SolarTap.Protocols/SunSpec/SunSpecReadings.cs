using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.SunSpec;

/// <summary>
/// Maps decoded SunSpec models to <see cref="Reading"/>s in the closed vocabulary (docs/spec/sunspec.md §5).
/// SunSpec carries no device clock, so the caller gives the time of the poll. Null points are left out.
/// </summary>
public static class SunSpecReadings
{
    /// <summary>The manufacturer name SolarTap shows when model 1 has none.</summary>
    public const string UnknownManufacturer = "SunSpec";

    /// <summary>Appended to a device's serial to name the battery its model 124 describes.</summary>
    public const string StorageSuffix = "-storage";

    /// <summary>
    /// Decodes every block of one unit's map into readings. Each common model (1) starts a device; the first one is
    /// the unit itself (the leader), later ones (meters, batteries behind it) name the leader as parent. A model's
    /// kind comes from its id; models this decoder does not know are skipped.
    /// </summary>
    /// <param name="blocks">The unit's models in map order, each read completely.</param>
    /// <param name="timestamp">When the registers were read.</param>
    /// <param name="fallbackSerial">Serial to use when model 1 has none (for example "unit1").</param>
    public static IReadOnlyList<Reading> FromMap(IEnumerable<SunSpecBlock> blocks, DateTimeOffset timestamp, string fallbackSerial)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var readings = new List<Reading>();
        SunSpecCommon? common = null;
        string? leader = null;
        int devices = 0;
        foreach (SunSpecBlock block in blocks)
        {
            ushort id = block.Header.Id;
            if (id == SunSpecModelIds.Common)
            {
                SunSpecDecoder.TryDecodeCommon(block.Registers, out common);
                devices++;
                continue;
            }

            string serial = common?.SerialNumber ?? (devices <= 1 ? fallbackSerial : $"{fallbackSerial}.{devices}");
            string? parent = devices > 1 ? leader : null;
            string manufacturer = common?.Manufacturer ?? UnknownManufacturer;
            Reading? reading = null;
            if (SunSpecModelIds.IsInverter(id) && SunSpecDecoder.TryDecodeInverter(block.Registers, out SunSpecInverter? inverter) == SunSpecDecodeStatus.Ok)
            {
                reading = FromInverter(new DeviceIdentity(DeviceKind.Inverter, serial, parent, manufacturer), timestamp, inverter!);
            }
            else if (SunSpecModelIds.IsMeter(id) && SunSpecDecoder.TryDecodeMeter(block.Registers, out SunSpecMeter? meter) == SunSpecDecodeStatus.Ok)
            {
                reading = FromMeter(new DeviceIdentity(DeviceKind.Meter, serial, parent, manufacturer), timestamp, meter!);
            }
            else if (id == SunSpecModelIds.Battery && SunSpecDecoder.TryDecodeBattery(block.Registers, out SunSpecBattery? battery) == SunSpecDecodeStatus.Ok)
            {
                reading = FromBattery(new DeviceIdentity(DeviceKind.Battery, serial, parent, manufacturer), timestamp, battery!);
            }
            else if (id == SunSpecModelIds.Storage && SunSpecDecoder.TryDecodeStorage(block.Registers, out SunSpecStorage? storage) == SunSpecDecodeStatus.Ok)
            {
                // Model 124 sits in the inverter's own map (no common model of its own): the battery it describes is a
                // device of its own, named after the inverter and behind it (docs/spec/sunspec.md §5).
                reading = FromStorage(new DeviceIdentity(DeviceKind.Battery, $"{serial}{StorageSuffix}", serial, manufacturer), timestamp, storage!);
                readings.Add(reading);
                continue;
            }

            if (reading is not null)
            {
                leader ??= serial;
                readings.Add(reading);
            }
        }

        return readings;
    }

    /// <summary>An inverter model as a reading: AC per phase (three-phase models) or unphased (single phase), DC, energy, state.</summary>
    public static Reading FromInverter(DeviceIdentity device, DateTimeOffset timestamp, SunSpecInverter inverter)
    {
        ArgumentNullException.ThrowIfNull(inverter);
        var values = new List<Measurement>(24);
        Add(values, Quantity.AcCurrent, inverter.Current);
        if (inverter.IsSinglePhase)
        {
            Add(values, Quantity.AcVoltage, inverter.PhaseVoltage.A);
        }
        else
        {
            Add(values, Quantity.AcCurrent, inverter.PhaseCurrent.A, Phase.L1);
            Add(values, Quantity.AcCurrent, inverter.PhaseCurrent.B, Phase.L2);
            Add(values, Quantity.AcCurrent, inverter.PhaseCurrent.C, Phase.L3);
            Add(values, Quantity.AcVoltage, inverter.PhaseVoltage.A, Phase.L1);
            Add(values, Quantity.AcVoltage, inverter.PhaseVoltage.B, Phase.L2);
            Add(values, Quantity.AcVoltage, inverter.PhaseVoltage.C, Phase.L3);
        }

        Add(values, Quantity.AcLineVoltage, inverter.LineVoltage.AB, Phase.L1);
        Add(values, Quantity.AcLineVoltage, inverter.LineVoltage.BC, Phase.L2);
        Add(values, Quantity.AcLineVoltage, inverter.LineVoltage.CA, Phase.L3);
        Add(values, Quantity.AcPower, inverter.Power);
        Add(values, Quantity.AcApparentPower, inverter.ApparentPower);
        Add(values, Quantity.AcReactivePower, inverter.ReactivePower);
        Add(values, Quantity.PowerFactor, inverter.PowerFactorPercent / 100);
        Add(values, Quantity.AcFrequency, inverter.Frequency);
        Add(values, Quantity.EnergyTotal, inverter.Energy);
        Add(values, Quantity.DcCurrent, inverter.DcCurrent);
        Add(values, Quantity.DcVoltage, inverter.DcVoltage);
        Add(values, Quantity.DcPower, inverter.DcPower);
        var t = inverter.Temperature;
        Add(values, Quantity.Temperature, t.HeatSink ?? t.Cabinet ?? t.Transformer ?? t.Other);
        Add(values, Quantity.OperatingMode, inverter.State);
        Add(values, Quantity.AlarmCode, inverter.Events);
        return new Reading(device, timestamp, values);
    }

    /// <summary>A meter model as a reading: per-phase and total AC values, lifetime grid import and export energy.</summary>
    public static Reading FromMeter(DeviceIdentity device, DateTimeOffset timestamp, SunSpecMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var values = new List<Measurement>(32);
        AddFour(values, Quantity.AcCurrent, meter.Current);
        AddFour(values, Quantity.AcVoltage, meter.PhaseVoltage);
        Add(values, Quantity.AcLineVoltage, meter.LineVoltage.AB, Phase.L1);
        Add(values, Quantity.AcLineVoltage, meter.LineVoltage.BC, Phase.L2);
        Add(values, Quantity.AcLineVoltage, meter.LineVoltage.CA, Phase.L3);
        Add(values, Quantity.AcFrequency, meter.Frequency);
        AddFour(values, Quantity.AcPower, meter.Power);
        AddFour(values, Quantity.AcApparentPower, meter.ApparentPower);
        AddFour(values, Quantity.AcReactivePower, meter.ReactivePower);
        var pf = meter.PowerFactorPercent;
        AddFour(values, Quantity.PowerFactor, (pf.Total / 100, pf.A / 100, pf.B / 100, pf.C / 100));
        Add(values, Quantity.GridExportEnergyTotal, meter.EnergyExported.Total);
        Add(values, Quantity.GridImportEnergyTotal, meter.EnergyImported.Total);
        return new Reading(device, timestamp, values);
    }

    /// <summary>Model 802 as a reading: state of charge, voltage, current, power (signs as the device reports), capacity, state.</summary>
    public static Reading FromBattery(DeviceIdentity device, DateTimeOffset timestamp, SunSpecBattery battery)
    {
        ArgumentNullException.ThrowIfNull(battery);
        var values = new List<Measurement>(8);
        Add(values, Quantity.BatteryStateOfCharge, battery.StateOfCharge);
        Add(values, Quantity.BatteryVoltage, battery.Voltage);
        Add(values, Quantity.BatteryCurrent, battery.Current);
        Add(values, Quantity.BatteryPower, battery.Power);
        Add(values, Quantity.BatteryCapacityNominal, battery.RatedEnergy);
        Add(values, Quantity.BatteryStatus, battery.State);
        Add(values, Quantity.AlarmCode, battery.Events);
        return new Reading(device, timestamp, values);
    }

    /// <summary>Model 124 as a battery reading: state of charge, voltage, charge status.</summary>
    public static Reading FromStorage(DeviceIdentity device, DateTimeOffset timestamp, SunSpecStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var values = new List<Measurement>(3);
        Add(values, Quantity.BatteryStateOfCharge, storage.StateOfCharge);
        Add(values, Quantity.BatteryVoltage, storage.BatteryVoltage);
        Add(values, Quantity.BatteryStatus, storage.ChargeStatus);
        return new Reading(device, timestamp, values);
    }

    private static void Add(List<Measurement> values, Quantity quantity, double? value, Phase phase = Phase.None)
    {
        if (value is { } v && double.IsFinite(v))
        {
            values.Add(new Measurement(quantity, v, phase));
        }
    }

    private static void AddFour(List<Measurement> values, Quantity quantity, (double? Total, double? A, double? B, double? C) four)
    {
        Add(values, quantity, four.Total);
        Add(values, quantity, four.A, Phase.L1);
        Add(values, quantity, four.B, Phase.L2);
        Add(values, quantity, four.C, Phase.L3);
    }
}
