using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Collects measurements, leaving out "not available" and non-finite values (never zero for them).
/// Array-backed: a reading's values cost one array, handed over as is when the capacity was exact.
/// </summary>
internal sealed class MeasurementBuffer(int capacity = 16)
{
    private Measurement[] _values = new Measurement[capacity];

    public int Count { get; private set; }

    public IReadOnlyList<Measurement> Values => new ArraySegment<Measurement>(_values, 0, Count);

    public void Add(Quantity quantity, double value, Phase phase = Phase.None)
    {
        if (double.IsFinite(value))
        {
            Append(new Measurement(quantity, value, phase));
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
        for (int i = 0; i < Count; i++)
        {
            if (_values[i].Quantity == measurement.Quantity && _values[i].Phase == measurement.Phase)
            {
                _values[i] = measurement;
                return;
            }
        }

        Append(measurement);
    }

    /// <summary>The values; the buffer must not be used afterwards (its array may be the one returned).</summary>
    public Measurement[] ToArray()
    {
        if (Count == _values.Length)
        {
            return _values;
        }

        return _values.AsSpan(0, Count).ToArray();
    }

    private void Append(Measurement measurement)
    {
        if (Count == _values.Length)
        {
            Array.Resize(ref _values, Math.Max(4, _values.Length * 2));
        }

        _values[Count++] = measurement;
    }
}
