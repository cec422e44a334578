using System.Buffers.Binary;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Supervisor.Simulation;

/// <summary>
/// The physical side of a simulated inverter: power from the sun curve, energy counters integrated over time (the
/// lifetime counter only grows, "today" restarts at local midnight), and the telemetry records of one post, written
/// with the production encoders (spec §3.4, §3.6, §3.7).
/// </summary>
public sealed class SimulatedPlant
{
    private readonly SimulatedInverterOptions _options;
    private readonly double[] _optimizerEnergy;
    private DateTimeOffset _last;
    private DateOnly _day;

    /// <summary>A plant whose counters start at <paramref name="start"/>.</summary>
    public SimulatedPlant(SimulatedInverterOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _optimizerEnergy = new double[options.Optimizers];
        _last = start;
        _day = LocalDay(start);
        EnergyTotal = options.InitialEnergyTotal;
        Started = start;
    }

    /// <summary>Lifetime AC energy, Wh (only grows).</summary>
    public double EnergyTotal { get; private set; }

    /// <summary>AC energy since local midnight, Wh.</summary>
    public double EnergyToday { get; private set; }

    /// <summary>When the plant started (uptime counts from here).</summary>
    public DateTimeOffset Started { get; }

    /// <summary>AC power at <paramref name="time"/>, W.</summary>
    public double PowerAt(DateTimeOffset time) => _options.RatedPower * SunCurve.Fraction(time.UtcDateTime + _options.SiteUtcOffset);

    /// <summary>Advances the counters to <paramref name="now"/> and writes the records of one post.</summary>
    /// <param name="now">The true time.</param>
    /// <param name="timestamp">The inverter's clock (UTC Unix seconds) written into the records.</param>
    public byte[] NextPayload(DateTimeOffset now, uint timestamp)
    {
        double seconds = Math.Max(0, (now - _last).TotalSeconds);
        double interval = (PowerAt(_last) + PowerAt(now)) / 2 * seconds / 3600; // trapezoid, Wh
        DateOnly day = LocalDay(now);
        if (day != _day)
        {
            _day = day;
            EnergyToday = 0;
            Array.Clear(_optimizerEnergy);
        }

        _last = now;
        EnergyTotal += interval;
        EnergyToday += interval;
        double power = PowerAt(now);
        uint uptime = (uint)Math.Max(0, (now - Started).TotalSeconds);

        int size = InverterRecordSize + (_options.Optimizers * (TelemetryRecordHeader.Size + PackedOptimizerTelemetry.DataLength));
        var payload = new byte[size];
        int offset = WriteInverter(payload, timestamp, uptime, (uint)seconds, power, interval);
        for (int i = 0; i < _options.Optimizers; i++)
        {
            offset += WriteOptimizer(payload.AsSpan(offset), i, timestamp, uptime, power, interval);
        }

        return payload;
    }

    private int InverterRecordSize => TelemetryRecordHeader.Size + (_options.ThreePhase ? ThreePhaseLength : SinglePhaseLength);

    // Known lengths with the exact u32 lifetime counter: 124 (single phase, spec §3.6), 200 (three phase, spec §3.7).
    private const int SinglePhaseLength = 124;
    private const int ThreePhaseLength = 200;

    private DateOnly LocalDay(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime + _options.SiteUtcOffset);

    private int WriteInverter(Span<byte> destination, uint timestamp, uint uptime, uint seconds, double power, double interval)
    {
        float na = TelemetryValue.NotAvailable;
        bool producing = power > 0;
        float temperature = (float)(25 + (20 * power / _options.RatedPower));
        float dcVoltage = producing ? 380f : 0f;
        uint etot = (uint)EnergyTotal;
        int written;
        if (!_options.ThreePhase)
        {
            var extension = new byte[SinglePhaseLength - SinglePhaseInverterTelemetry.BaseLength];
            BinaryPrimitives.WriteUInt32LittleEndian(extension.AsSpan(116 - SinglePhaseInverterTelemetry.BaseLength), etot);
            new SinglePhaseInverterTelemetry
            {
                DeviceId = _options.InverterId, Timestamp = timestamp, Uptime = uptime, Interval = seconds,
                Temperature = temperature, EnergyToday = (float)EnergyToday, EnergyInterval = (float)interval,
                AcVoltage = 230.1f, AcCurrent = (float)(power / 230.1), AcFrequency = 50.01f,
                DcEnergyToday = na, DcEnergyInterval = na, DcVoltage = dcVoltage, DcCurrent = na,
                EnergyTotal = (float)EnergyTotal, ResidualCurrent = 0.002f, PowerFactor = 1f, Mode = producing ? 4u : 2u,
                MaxPowerOrIsolation = (float)_options.RatedPower, PowerLimit = 100f,
                ActivePower = (float)power, ApparentPower = (float)power, ReactivePower = 0f, Extension = extension,
            }.TryWrite(destination, out written);
            return written;
        }

        float phase = (float)(power / 3);
        var ext = new byte[ThreePhaseLength - ThreePhaseInverterTelemetry.BaseLength];
        Span<byte> e = ext;
        PutPhases(e, 132, 400.2f, 400.4f, 399.9f); // line voltages
        PutPhases(e, 144, phase, phase, phase); // active power
        PutPhases(e, 156, phase, phase, phase); // apparent power
        PutPhases(e, 168, 0f, 0f, 0f); // reactive power
        BinaryPrimitives.WriteUInt32LittleEndian(e[(192 - ThreePhaseInverterTelemetry.BaseLength)..], etot);
        float current = (float)(power / 3 / 230.9);
        new ThreePhaseInverterTelemetry
        {
            DeviceId = _options.InverterId, Timestamp = timestamp, Uptime = uptime, Interval = seconds,
            Temperature = temperature, EnergyToday = (float)EnergyToday, EnergyInterval = (float)interval,
            AcVoltage = new(230.9f, 231.2f, 230.7f), AcCurrent = new(current, current, current), AcFrequency = new(50.01f, 50.01f, 50.01f),
            DcEnergyToday = na, DcEnergyInterval = na, DcVoltage = producing ? 620f : 0f, DcCurrent = na,
            EnergyTotal = (float)EnergyTotal, ResidualCurrent = 0.003f, PowerFactor = new(1f, 1f, 1f), Mode = producing ? 4u : 2u,
            MaxPowerOrIsolation = (float)_options.RatedPower, PowerLimit = 100f, Extension = ext,
        }.TryWrite(destination, out written);
        return written;
    }

    private int WriteOptimizer(Span<byte> destination, int index, uint timestamp, uint uptime, double power, double interval)
    {
        // A little spread between panels so that each has its own values.
        double share = (1 + (0.02 * ((index % 5) - 2))) / Math.Max(1, _options.Optimizers);
        _optimizerEnergy[index] += interval * share;
        double panelPower = power * share;
        double moduleVoltage = panelPower > 0 ? 34.5 - (0.1 * (index % 3)) : 0;
        double moduleCurrent = moduleVoltage > 0 ? panelPower / moduleVoltage : 0;
        double outputVoltage = panelPower > 0 ? Math.Min(60, 380.0 / Math.Max(1, _options.Optimizers)) : 1.0; // 1 V safe voltage
        var record = new PackedOptimizerTelemetry(
            _options.OptimizerIdBase + (uint)index,
            timestamp,
            (ushort)Math.Min(ushort.MaxValue, uptime),
            (ushort)Math.Min(1023, Math.Round(moduleVoltage * 8)),
            (ushort)Math.Min(1023, Math.Round(outputVoltage * 8)),
            (ushort)Math.Min(4095, Math.Round(moduleCurrent * 160)),
            (ushort)Math.Min(ushort.MaxValue, Math.Round(_optimizerEnergy[index] * 4)),
            (sbyte)Math.Round((20 + (25 * power / _options.RatedPower)) / 2));
        record.TryWrite(destination, out int written);
        return written;
    }

    private static void PutPhases(Span<byte> extension, int offset, float l1, float l2, float l3)
    {
        int at = offset - ThreePhaseInverterTelemetry.BaseLength;
        BinaryPrimitives.WriteSingleLittleEndian(extension[at..], l1);
        BinaryPrimitives.WriteSingleLittleEndian(extension[(at + 4)..], l2);
        BinaryPrimitives.WriteSingleLittleEndian(extension[(at + 8)..], l3);
    }
}
