namespace SolarTap.Protocols.Readings;

/// <summary>
/// The values one device reported for one moment (ARCHITECTURE §3). The timestamp is the device's own when
/// the protocol carries one. Values not reported (a "not available" pattern) are left out, never zero.
/// </summary>
/// <param name="Device">Who reported.</param>
/// <param name="Timestamp">When, in UTC.</param>
/// <param name="Values">What, each in the unit of its quantity.</param>
public sealed record Reading(DeviceIdentity Device, DateTimeOffset Timestamp, IReadOnlyList<Measurement> Values)
{
    /// <summary>The first value of <paramref name="quantity"/> on <paramref name="phase"/>, or null.</summary>
    public double? Get(Quantity quantity, Phase phase = Phase.None)
    {
        foreach (Measurement m in Values)
        {
            if (m.Quantity == quantity && m.Phase == phase)
            {
                return m.Value;
            }
        }

        return null;
    }
}
