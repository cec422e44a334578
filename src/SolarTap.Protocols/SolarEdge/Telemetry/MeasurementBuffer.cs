using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>Collects measurements, leaving out "not available" and non-finite values (never zero for them).</summary>
internal sealed class MeasurementBuffer(int capacity = 16)
{
    private readonly List<Measurement> _values = new(capacity);

    public int Count => _values.Count;

    public IReadOnlyList<Measurement> Values => _values;

    public void Add(Quantity quantity, double value, Phase phase = Phase.None)
    {
        if (double.IsFinite(value))
        {
            _values.Add(new Measurement(quantity, value, phase));
        }
    }

    public void Add(Quantity quantity, float value, Phase phase = Phase.None)
    {
        if (!TelemetryValue.IsNotAvailable(value))
        {
            Add(quantity, (double)value, phase);
        }
    }

    public void Add(Quantity quantity, PhaseValues values)
    {
        Add(quantity, values.L1, Phase.L1);
        Add(quantity, values.L2, Phase.L2);
        Add(quantity, values.L3, Phase.L3);
    }

    /// <summary>Adds or replaces the value of <paramref name="measurement"/>'s quantity and phase.</summary>
    public void Set(Measurement measurement)
    {
        int at = _values.FindIndex(m => m.Quantity == measurement.Quantity && m.Phase == measurement.Phase);
        if (at >= 0)
        {
            _values[at] = measurement;
        }
        else
        {
            _values.Add(measurement);
        }
    }

    public Measurement[] ToArray() => [.. _values];
}
