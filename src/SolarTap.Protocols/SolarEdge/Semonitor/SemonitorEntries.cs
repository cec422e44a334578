using System.Globalization;
using System.Text;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Semonitor;

/// <summary>
/// semonitor's per-record JSON entries (spec §3.12 and the "semonitor JSON" columns of §3.3–§3.10). Integer
/// fields are <see cref="long"/>, float fields <see cref="double"/>, exactly as semonitor types them.
/// </summary>
internal static class SemonitorEntries
{
    public static SemonitorObject Optimizer(in PackedOptimizerTelemetry r, TimeZoneInfo zone)
    {
        var o = Stamped(r.Timestamp, zone, SolarEdgeAddress.Format(r.DeviceId));
        o["Inverter"] = 0L; // spec §3.4: the record does not carry it
        o["Uptime"] = (long)r.Uptime;
        o["Vmod"] = r.ModuleVoltage;
        o["Vopt"] = r.OutputVoltage;
        o["Imod"] = r.ModuleCurrent;
        o["Eday"] = r.Energy;
        o["Temp"] = r.Temperature;
        return o;
    }

    public static SemonitorObject Optimizer(in S440OptimizerTelemetry r, TimeZoneInfo zone)
    {
        var o = Stamped(r.Timestamp, zone, SolarEdgeAddress.Format(r.DeviceId));
        o["Inverter"] = 0L;
        o["Uptime"] = (long)r.Uptime;
        o["Vmod"] = r.ModuleVoltage;
        o["Vopt"] = r.OutputVoltage;
        o["Imod"] = r.ModuleCurrent;
        o["Eday"] = 0L; // spec §3.5: semonitor does not decode bytes 10+ and prints integer zeros
        o["Temp"] = 0L;
        return o;
    }

    public static SemonitorObject Optimizer(in LegacyOptimizerTelemetry r, TimeZoneInfo zone)
    {
        var o = Stamped(r.Timestamp, zone, SolarEdgeAddress.Format(r.DeviceId));
        o["Inverter"] = SolarEdgeAddress.Format(r.InverterId);
        o["Uptime"] = (long)r.Uptime;
        o["Vmod"] = (double)r.ModuleVoltage;
        o["Vopt"] = (double)r.OutputVoltage;
        o["Imod"] = (double)r.ModuleCurrent;
        o["Eday"] = (double)r.Energy;
        o["Temp"] = (double)r.Temperature;
        return o;
    }

    public static SemonitorObject Inverter(SinglePhaseInverterTelemetry r, TimeZoneInfo zone)
    {
        var o = Stamped(r.Timestamp, zone, SolarEdgeAddress.Format(r.DeviceId));
        o["Uptime"] = (long)r.Uptime;
        o["Interval"] = (long)r.Interval;
        o["Temp"] = (double)r.Temperature;
        o["Eday"] = (double)r.EnergyToday;
        o["Eac"] = (double)r.EnergyInterval;
        o["Vac"] = (double)r.AcVoltage;
        o["Iac"] = (double)r.AcCurrent;
        o["Freq"] = (double)r.AcFrequency;
        o["Vdc"] = (double)r.DcVoltage;
        o["Etot"] = (double)r.EnergyTotal;
        o["Pmax"] = NanIfNotAvailable(r.MaxPowerOrIsolation); // spec §3.6: the one field semonitor maps to NaN
        o["Pac"] = (double)r.ActivePower;
        return o;
    }

    public static SemonitorObject Inverter(ThreePhaseInverterTelemetry r, TimeZoneInfo zone)
    {
        var o = Stamped(r.Timestamp, zone, SolarEdgeAddress.Format(r.DeviceId));
        o["Uptime"] = (long)r.Uptime;
        o["Interval"] = (long)r.Interval;
        o["Temp"] = (double)r.Temperature;
        o["Eday"] = (double)r.EnergyToday;
        o["Eac"] = (double)r.EnergyInterval;
        Phases(o, "Vac", r.AcVoltage);
        Phases(o, "Iac", r.AcCurrent);
        Phases(o, "Freq", r.AcFrequency);
        o["EdayDC"] = Bits(r.DcEnergyToday); // spec §3.7: semonitor reads these as u32
        o["Edc"] = Bits(r.DcEnergyInterval);
        o["Vdc"] = (double)r.DcVoltage;
        o["Idc"] = Bits(r.DcCurrent);
        o["Etot"] = (double)r.EnergyTotal;
        o["Irdc"] = (double)r.ResidualCurrent;
        o["data21"] = Bits(r.Unknown84.L1);
        o["data22"] = Bits(r.Unknown84.L2);
        o["data23"] = Bits(r.Unknown84.L3);
        Phases(o, "CosPhi", r.PowerFactor);
        o["mode"] = (long)r.Mode;
        o["GndFrR"] = (double)r.MaxPowerOrIsolation;
        o["data29"] = (double)r.PowerLimit;
        o["IoutDC"] = (double)r.DcOutputCurrent1;
        o["data31"] = Bits(r.DcOutputCurrent2);
        return o;
    }

    public static SemonitorObject Event(in PolestarEventTelemetry r, TimeZoneInfo zone)
    {
        var o = Stamped(r.Timestamp, zone, SolarEdgeAddress.Format(r.DeviceId));
        o["Type"] = (long)r.EventType;
        o["Event1"] = AscTime(r.Value1, zone);
        // spec §3.10: type 0 has the end time at 12 and a number at 16, type 1 the reverse.
        o["Event2"] = r.EventType == 0 ? AscTime(r.Value2, zone) : (long)r.Value2;
        o["Event3"] = r.EventType == 1 ? AscTime(r.Value3, zone) : (long)r.Value3;
        return o;
    }

    /// <summary>The common leaf fields of semonitor's table-driven records (meters, batteries, unknown types).</summary>
    public static SemonitorObject Table(ushort type, uint deviceId, int length, string deviceType)
    {
        var o = new SemonitorObject();
        o["seType"] = "0x" + type.ToString("x4", CultureInfo.InvariantCulture);
        o["seId"] = SolarEdgeAddress.Format(deviceId);
        o["devLen"] = (long)length;
        o["devType"] = deviceType;
        return o;
    }

    public static SemonitorObject Meter(in MeterTelemetry r, TimeZoneInfo zone)
    {
        var o = Table((ushort)TelemetryRecordType.Meter, r.DeviceId, MeterTelemetry.DataLength, SemonitorJsonWriter.MetersKey);
        DateTimeFields(o, r.Timestamp, zone);
        o["recType"] = (long)r.Flow;
        o["onlyIntervalData"] = (long)r.OnlyIntervalData;
        Total(o, "TotalE2Grid", 10, r.TotalToX);
        Total(o, "TotalEfromGrid", 18, r.TotalFromX);
        Total(o, "Totaloff22_int4", 26, r.Total22);
        Total(o, "Totaloff30_int4", 34, r.Total30);
        o["Interval"] = (long)r.Interval;
        o["E2X"] = (long)r.EnergyToX;
        o["EfromX"] = (long)r.EnergyFromX;
        o["P2X"] = NanIfNotAvailable(r.PowerToX);
        o["PfromX"] = NanIfNotAvailable(r.PowerFromX);
        return o;
    }

    public static string MeterLabel(MeterFlow flow) => flow switch
    {
        MeterFlow.Consumption => "3_Consumption",
        MeterFlow.Grid => "5_GridImportExport",
        MeterFlow.Battery => "7_Battery",
        MeterFlow.MostlyZero => "8_MostlyZeroes",
        MeterFlow.Production => "9_PVProduction",
        _ => ((sbyte)flow).ToString(CultureInfo.InvariantCulture) + "_UnrecognisedRecType",
    };

    public static SemonitorObject Battery(BatteryTelemetry r, TimeZoneInfo zone)
    {
        var o = Table((ushort)TelemetryRecordType.Battery, r.DeviceId, r.DataLength, SemonitorJsonWriter.BatteriesKey);
        DateTimeFields(o, r.Timestamp, zone);
        o["batteryId"] = r.BatteryId;
        o["Vdc"] = NanIfNotAvailable(r.Voltage);
        o["Idc"] = NanIfNotAvailable(r.Current);
        o["BattCapacityNom"] = NanIfNotAvailable(r.CapacityNominal);
        o["BattCapacityActual"] = NanIfNotAvailable(r.CapacityActual);
        o["BattCharge"] = NanIfNotAvailable(r.Charge);
        o["TotalEnergyIn"] = (long)r.TotalEnergyIn;
        o["AlwaysZero_40_float"] = NanIfNotAvailable(r.Zero40);
        o["TotalEnergyOut"] = (long)r.TotalEnergyOut;
        o["AlwaysZero_48_float"] = NanIfNotAvailable(r.Zero48);
        o["HexConst_52"] = HexBytes(r.Constant52, 4);
        o["HexConst_56"] = HexBytes(r.Constant56, 4);
        o["Temp"] = NanIfNotAvailable(r.Temperature);
        o["BattChargingStatus"] = (long)r.Status;
        o["AlwaysZero_66_float"] = NanIfNotAvailable(r.Zero66);
        o["AlwaysZero_70_float"] = NanIfNotAvailable(r.Zero70);
        o["Interval"] = (long)r.Interval;
        o["EIn"] = (long)r.EnergyIn;
        o["EOut"] = (long)r.EnergyOut;
        o["Undeciphered_data"] = Undeciphered(r.Undeciphered.Span);
        return o;
    }

    /// <summary>A record semonitor has no layout for: timestamp, then the rest as hex (spec §3.12).</summary>
    public static SemonitorObject Unknown(ushort type, uint deviceId, ReadOnlySpan<byte> data, TimeZoneInfo zone)
    {
        var o = Table(type, deviceId, data.Length, SemonitorJsonWriter.UnknownKey(type));
        if (data.Length >= 4)
        {
            DateTimeFields(o, TelemetryValue.U32(data, 0), zone);
            data = data[4..];
        }

        o["Undeciphered_data"] = Undeciphered(data);
        return o;
    }

    /// <summary>Hex bytes separated by spaces, groups of 16 separated by " | ".</summary>
    public static string Undeciphered(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(data.Length * 3 + (data.Length / 16 * 2));
        for (int i = 0; i < data.Length; i++)
        {
            if (i > 0)
            {
                text.Append(i % 16 == 0 ? " | " : " ");
            }

            text.Append(data[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static SemonitorObject Stamped(uint timestamp, TimeZoneInfo zone, string id)
    {
        var o = new SemonitorObject();
        DateTimeOffset local = Local(timestamp, zone);
        o["Date"] = local.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        o["Time"] = local.ToString("HH':'mm':'ss", CultureInfo.InvariantCulture);
        o["ID"] = id;
        return o;
    }

    private static void DateTimeFields(SemonitorObject o, uint timestamp, TimeZoneInfo zone)
    {
        DateTimeOffset local = Local(timestamp, zone);
        o["dateTime"] = (long)timestamp;
        o["Date"] = local.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        o["Time"] = local.ToString("HH':'mm':'ss", CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Local(long unixSeconds, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), zone);

    /// <summary>C asctime layout: "Sun Mar 20 19:09:31 2016", day of month space-padded.</summary>
    private static string AscTime(long unixSeconds, TimeZoneInfo zone)
    {
        DateTimeOffset t = Local(unixSeconds, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{t:ddd MMM} {t.Day,2} {t:HH':'mm':'ss} {t.Year}");
    }

    private static void Phases(SemonitorObject o, string name, PhaseValues values)
    {
        o[name + "1"] = (double)values.L1;
        o[name + "2"] = (double)values.L2;
        o[name + "3"] = (double)values.L3;
    }

    private static void Total(SemonitorObject o, string name, int offset, MeterTotal total)
    {
        string at = offset.ToString(CultureInfo.InvariantCulture);
        o[name] = (long)total.Value;
        o["AlwaysZero_off" + at + "_int2"] = (long)total.Reserved;
        o["Flag_off" + (offset + 2).ToString(CultureInfo.InvariantCulture) + "_hex"] = HexBytes(total.Flags, 2);
    }

    private static string HexBytes(uint littleEndian, int count)
    {
        Span<byte> bytes = stackalloc byte[4];
        TelemetryValue.Put(bytes, 0, littleEndian);
        return Undeciphered(bytes[..count]);
    }

    private static double NanIfNotAvailable(float value) => TelemetryValue.IsNotAvailable(value) ? double.NaN : value;

    private static long Bits(float value) => BitConverter.SingleToUInt32Bits(value);
}
