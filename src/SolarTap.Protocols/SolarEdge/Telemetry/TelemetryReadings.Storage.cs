using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>Meter (0x0022) and battery (0x0030) records to readings.</summary>
public static partial class TelemetryReadings
{
    /// <summary>
    /// A 0x0022 meter record. Returns null for flows that carry no known quantity (8 "mostly zero", unknown
    /// codes). <see cref="TelemetryDecoder"/> merges the records of one meter and timestamp into one reading.
    /// </summary>
    public static Reading? ToReading(in MeterTelemetry record, uint? inverterAddress)
    {
        var values = new MeasurementBuffer(8);
        AddMeter(values, record);
        return values.Count == 0 ? null : Make(DeviceKind.Meter, record.DeviceId, inverterAddress, record.Timestamp, values);
    }

    /// <summary>
    /// A 0x0030 battery. The serial is the battery's own ID when it has one, else the record's device ID; the
    /// parent is the record's device ID (the inverter). State of charge is derived as charge / actual capacity.
    /// </summary>
    public static Reading ToReading(BatteryTelemetry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var values = new MeasurementBuffer(16);
        values.Add(Quantity.BatteryVoltage, record.Voltage);
        values.Add(Quantity.BatteryCurrent, record.Current);
        values.Add(Quantity.BatteryCapacityNominal, record.CapacityNominal);
        values.Add(Quantity.BatteryCapacityActual, record.CapacityActual);
        values.Add(Quantity.BatteryEnergyStored, record.Charge);
        if (Available(record.Charge) && Available(record.CapacityActual) && record.CapacityActual > 0)
        {
            values.Add(Quantity.BatteryStateOfCharge, 100.0 * record.Charge / record.CapacityActual); // derived
        }

        values.Add(Quantity.BatteryChargeEnergyTotal, (double)record.TotalEnergyIn);
        values.Add(Quantity.BatteryDischargeEnergyTotal, (double)record.TotalEnergyOut);
        values.Add(Quantity.Temperature, record.Temperature);
        values.Add(Quantity.BatteryStatus, (double)record.Status);
        values.Add(Quantity.ReportingInterval, (double)record.Interval);
        values.Add(Quantity.BatteryChargeEnergyInterval, (double)record.EnergyIn);
        values.Add(Quantity.BatteryDischargeEnergyInterval, (double)record.EnergyOut);

        string inverter = SolarEdgeAddress.Format(record.DeviceId);
        string serial = record.BatteryId.Length > 0 ? record.BatteryId : inverter;
        return new Reading(
            new DeviceIdentity(DeviceKind.Battery, serial, serial == inverter ? null : inverter, Manufacturer),
            TelemetryValue.ToTime(record.Timestamp),
            values.ToArray());
    }

    /// <summary>
    /// Flow-specific quantities of a meter record (spec §3.8). Lifetime totals only when the record says totals are
    /// valid (only-interval byte 0) and the total's own flag is clear.
    /// </summary>
    internal static void AddMeter(MeasurementBuffer values, in MeterTelemetry record)
    {
        bool totals = record.OnlyIntervalData == 0;
        switch (record.Flow)
        {
            case MeterFlow.Consumption:
                values.Add(Quantity.LoadEnergyInterval, (double)record.EnergyFromX);
                values.Add(Quantity.LoadPower, record.PowerFromX);
                AddTotal(values, Quantity.LoadEnergyTotal, record.TotalFromX, totals);
                break;
            case MeterFlow.Grid:
                values.Add(Quantity.GridExportEnergyInterval, (double)record.EnergyToX);
                values.Add(Quantity.GridImportEnergyInterval, (double)record.EnergyFromX);
                values.Add(Quantity.GridExportPower, record.PowerToX);
                values.Add(Quantity.GridImportPower, record.PowerFromX);
                if (Available(record.PowerToX) && Available(record.PowerFromX))
                {
                    values.Add(Quantity.GridPower, (double)record.PowerFromX - record.PowerToX); // derived: + importing
                }

                AddTotal(values, Quantity.GridExportEnergyTotal, record.TotalToX, totals);
                AddTotal(values, Quantity.GridImportEnergyTotal, record.TotalFromX, totals);
                break;
            case MeterFlow.Battery:
                values.Add(Quantity.BatteryChargeEnergyInterval, (double)record.EnergyToX);
                values.Add(Quantity.BatteryDischargeEnergyInterval, (double)record.EnergyFromX);
                values.Add(Quantity.BatteryChargePower, record.PowerToX);
                values.Add(Quantity.BatteryDischargePower, record.PowerFromX);
                if (Available(record.PowerToX) && Available(record.PowerFromX))
                {
                    values.Add(Quantity.BatteryPower, (double)record.PowerToX - record.PowerFromX); // derived: + charging
                }

                AddTotal(values, Quantity.BatteryChargeEnergyTotal, record.TotalToX, totals);
                AddTotal(values, Quantity.BatteryDischargeEnergyTotal, record.TotalFromX, totals);
                break;
            case MeterFlow.Production:
                values.Add(Quantity.PvEnergyInterval, (double)record.EnergyToX);
                values.Add(Quantity.PvPower, record.PowerToX);
                AddTotal(values, Quantity.PvEnergyTotal, record.TotalToX, totals);
                break;
            default:
                break; // 8 "mostly zero" and unknown flows: nothing known to map
        }
    }

    private static void AddTotal(MeasurementBuffer values, Quantity quantity, MeterTotal total, bool totalsValid)
    {
        if (totalsValid && total.IsValid)
        {
            values.Add(quantity, (double)total.Value);
        }
    }
}
