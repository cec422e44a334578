using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Maps decoded telemetry records to <see cref="Reading"/>s (ARCHITECTURE §3). Values that are "not available"
/// are left out. Which field becomes which quantity is listed in docs/solaredge-decoding.md.
/// </summary>
public static partial class TelemetryReadings
{
    /// <summary>Manufacturer written into every identity.</summary>
    public const string Manufacturer = "SolarEdge";

    /// <summary>
    /// The serial of the inverter a message came from, or null when <paramref name="address"/> is not a device
    /// (0, or one of the server/tool/broadcast addresses of spec §2.1).
    /// </summary>
    public static string? DeviceSerial(uint? address)
        => address is null or 0 or >= SolarEdgeAddress.ConfigurationTool ? null : SolarEdgeAddress.Format(address.Value);

    /// <summary>A 0x0080 optimizer: its inverter is the source of the message (<paramref name="inverterAddress"/>).</summary>
    public static Reading ToReading(in PackedOptimizerTelemetry record, uint? inverterAddress)
    {
        var values = new MeasurementBuffer(7);
        AddOptimizer(values, record.ModuleVoltage, record.OutputVoltage, record.ModuleCurrent, record.Energy, record.Temperature, record.Uptime);
        return Make(DeviceKind.Optimizer, record.DeviceId, inverterAddress, record.Timestamp, values);
    }

    /// <summary>
    /// A 0x0082 optimizer: its inverter is the ID inside a 21-byte record, else <paramref name="inverterAddress"/>.
    /// Energy and temperature are provisional (spec §3.5).
    /// </summary>
    public static Reading ToReading(in S440OptimizerTelemetry record, uint? inverterAddress)
    {
        var values = new MeasurementBuffer(7);
        AddOptimizer(values, record.ModuleVoltage, record.OutputVoltage, record.ModuleCurrent, record.Energy, record.Temperature, record.Uptime);
        return Make(DeviceKind.Optimizer, record.DeviceId, record.InverterId ?? inverterAddress, record.Timestamp, values);
    }

    /// <summary>A 0x0000 optimizer: the record names its inverter.</summary>
    public static Reading ToReading(in LegacyOptimizerTelemetry record)
    {
        var values = new MeasurementBuffer(7);
        values.Add(Quantity.DcVoltage, record.ModuleVoltage);
        values.Add(Quantity.DcOutputVoltage, record.OutputVoltage);
        values.Add(Quantity.DcCurrent, record.ModuleCurrent);
        if (Available(record.ModuleVoltage) && Available(record.ModuleCurrent))
        {
            values.Add(Quantity.DcPower, (double)record.ModuleVoltage * record.ModuleCurrent); // derived
        }

        values.Add(Quantity.EnergyToday, record.Energy);
        values.Add(Quantity.Temperature, record.Temperature);
        values.Add(Quantity.Uptime, (double)record.Uptime);
        return Make(DeviceKind.Optimizer, record.DeviceId, record.InverterId, record.Timestamp, values);
    }

    /// <summary>A 0x0010 single-phase inverter.</summary>
    public static Reading ToReading(SinglePhaseInverterTelemetry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var values = new MeasurementBuffer(20);
        values.Add(Quantity.Uptime, (double)record.Uptime);
        values.Add(Quantity.ReportingInterval, (double)record.Interval);
        values.Add(Quantity.Temperature, record.Temperature);
        values.Add(Quantity.EnergyToday, record.EnergyToday);
        values.Add(Quantity.EnergyInterval, record.EnergyInterval);
        values.Add(Quantity.AcVoltage, record.AcVoltage);
        values.Add(Quantity.AcCurrent, record.AcCurrent);
        values.Add(Quantity.AcFrequency, record.AcFrequency);
        values.Add(Quantity.DcVoltage, record.DcVoltage);
        values.Add(Quantity.DcCurrent, record.DcCurrent);
        AddEnergyTotal(values, record.EnergyTotalExact, record.EnergyTotal);
        values.Add(Quantity.ResidualCurrent, record.ResidualCurrent);
        values.Add(Quantity.PowerFactor, record.PowerFactor);
        values.Add(Quantity.OperatingMode, (double)record.Mode);
        values.Add(Quantity.MaxAcPower, record.MaxPowerOrIsolation); // spec §3.6 CONFLICT, see docs
        values.Add(Quantity.PowerLimit, record.PowerLimit);
        values.Add(Quantity.AcPower, record.ActivePower);
        values.Add(Quantity.AcApparentPower, record.ApparentPower);
        values.Add(Quantity.AcReactivePower, record.ReactivePower);
        return Make(DeviceKind.Inverter, record.DeviceId, null, record.Timestamp, values);
    }

    /// <summary>A 0x0011 three-phase inverter: per-phase values on L1..L3, total active power as their sum.</summary>
    public static Reading ToReading(ThreePhaseInverterTelemetry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var values = new MeasurementBuffer(40);
        values.Add(Quantity.Uptime, (double)record.Uptime);
        values.Add(Quantity.ReportingInterval, (double)record.Interval);
        values.Add(Quantity.Temperature, record.Temperature);
        values.Add(Quantity.EnergyToday, record.EnergyToday);
        values.Add(Quantity.EnergyInterval, record.EnergyInterval);
        values.Add(Quantity.AcVoltage, record.AcVoltage);
        values.Add(Quantity.AcCurrent, record.AcCurrent);
        values.Add(Quantity.AcFrequency, record.AcFrequency);
        values.Add(Quantity.DcVoltage, record.DcVoltage);
        values.Add(Quantity.DcCurrent, record.DcCurrent);
        AddEnergyTotal(values, record.EnergyTotalExact, record.EnergyTotal);
        values.Add(Quantity.ResidualCurrent, record.ResidualCurrent);
        values.Add(Quantity.PowerFactor, record.PowerFactor);
        values.Add(Quantity.OperatingMode, (double)record.Mode);
        values.Add(Quantity.MaxAcPower, record.MaxPowerOrIsolation); // spec §3.7 CONFLICT, see docs
        values.Add(Quantity.PowerLimit, record.PowerLimit);
        if (record.LineVoltage is PhaseValues line)
        {
            values.Add(Quantity.AcLineVoltage, line);
        }

        if (record.ActivePower is PhaseValues active)
        {
            values.Add(Quantity.AcPower, active);
            if (Available(active.L1) && Available(active.L2) && Available(active.L3))
            {
                values.Add(Quantity.AcPower, (double)active.L1 + active.L2 + active.L3);
            }
        }

        if (record.ApparentPower is PhaseValues apparent)
        {
            values.Add(Quantity.AcApparentPower, apparent);
        }

        if (record.ReactivePower is PhaseValues reactive)
        {
            values.Add(Quantity.AcReactivePower, reactive);
        }

        return Make(DeviceKind.Inverter, record.DeviceId, null, record.Timestamp, values);
    }

    private static void AddOptimizer(MeasurementBuffer values, double module, double output, double current, double energy, double temperature, double uptime)
    {
        values.Add(Quantity.DcVoltage, module);
        values.Add(Quantity.DcOutputVoltage, output);
        values.Add(Quantity.DcCurrent, current);
        values.Add(Quantity.DcPower, module * current); // derived: panel power = Vmod × Imod
        values.Add(Quantity.EnergyToday, energy);
        values.Add(Quantity.Temperature, temperature);
        values.Add(Quantity.Uptime, uptime);
    }

    private static void AddEnergyTotal(MeasurementBuffer values, uint? exact, float approximate)
    {
        // The u32 lifetime counter (L ≥ 124 / ≥ 196) is exact; the f32 one loses whole Wh above 16.7 MWh.
        if (exact is uint wh)
        {
            values.Add(Quantity.EnergyTotal, (double)wh);
        }
        else
        {
            values.Add(Quantity.EnergyTotal, approximate);
        }
    }

    private static bool Available(float value) => !TelemetryValue.IsNotAvailable(value) && float.IsFinite(value);

    private static Reading Make(DeviceKind kind, uint deviceId, uint? parentAddress, uint timestamp, MeasurementBuffer values)
        => new(DeviceIdentityCache.Get(kind, deviceId, parentAddress), TelemetryValue.ToTime(timestamp), values.ToArray());
}
