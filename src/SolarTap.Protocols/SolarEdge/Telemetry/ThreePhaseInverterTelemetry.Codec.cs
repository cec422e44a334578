using static SolarTap.Protocols.SolarEdge.Telemetry.TelemetryValue;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>Decoding and encoding of 0x0011 records (spec §3.7).</summary>
public sealed partial record ThreePhaseInverterTelemetry
{
    /// <summary>Decodes a 0x0011 record.</summary>
    public static bool TryDecode(in TelemetryRecord record, out ThreePhaseInverterTelemetry? value)
    {
        value = null;
        return record.Type == TelemetryRecordType.ThreePhaseInverter && TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0011 record.</summary>
    /// <returns><see langword="false"/> when <paramref name="data"/> is shorter than 128 bytes.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out ThreePhaseInverterTelemetry? value)
    {
        if (data.Length < BaseLength)
        {
            value = null;
            return false;
        }

        value = new ThreePhaseInverterTelemetry
        {
            DeviceId = deviceId,
            Timestamp = U32(data, 0),
            Uptime = U32(data, 4),
            Interval = U32(data, 8),
            Temperature = F32(data, 12),
            EnergyToday = F32(data, 16),
            EnergyInterval = F32(data, 20),
            AcVoltage = PhaseValues.Read(data, 24),
            AcCurrent = PhaseValues.Read(data, 36),
            AcFrequency = PhaseValues.Read(data, 48),
            DcEnergyToday = F32(data, 60),
            DcEnergyInterval = F32(data, 64),
            DcVoltage = F32(data, 68),
            DcCurrent = F32(data, 72),
            EnergyTotal = F32(data, 76),
            ResidualCurrent = F32(data, 80),
            Unknown84 = PhaseValues.Read(data, 84),
            PowerFactor = PhaseValues.Read(data, 96),
            Mode = U32(data, 108),
            MaxPowerOrIsolation = F32(data, 112),
            PowerLimit = F32(data, 116),
            DcOutputCurrent1 = F32(data, 120),
            DcOutputCurrent2 = F32(data, 124),
            Extension = data[BaseLength..].ToArray(),
        };
        return true;
    }

    /// <summary>Writes the record (header, base layout, extension).</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TryStart(destination, TelemetryRecordType.ThreePhaseInverter, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        Put(data, 0, Timestamp);
        Put(data, 4, Uptime);
        Put(data, 8, Interval);
        Put(data, 12, Temperature);
        Put(data, 16, EnergyToday);
        Put(data, 20, EnergyInterval);
        AcVoltage.Write(data, 24);
        AcCurrent.Write(data, 36);
        AcFrequency.Write(data, 48);
        Put(data, 60, DcEnergyToday);
        Put(data, 64, DcEnergyInterval);
        Put(data, 68, DcVoltage);
        Put(data, 72, DcCurrent);
        Put(data, 76, EnergyTotal);
        Put(data, 80, ResidualCurrent);
        Unknown84.Write(data, 84);
        PowerFactor.Write(data, 96);
        Put(data, 108, Mode);
        Put(data, 112, MaxPowerOrIsolation);
        Put(data, 116, PowerLimit);
        Put(data, 120, DcOutputCurrent1);
        Put(data, 124, DcOutputCurrent2);
        Extension.Span.CopyTo(data[BaseLength..]);
        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
