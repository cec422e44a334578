namespace SolarTap.Protocols.Readings;

/// <summary>One value of a reading, in the fixed unit of its quantity.</summary>
/// <param name="Quantity">What was measured.</param>
/// <param name="Value">The value, in <see cref="QuantityInfo.UnitOf"/> of the quantity.</param>
/// <param name="Phase">The AC phase, or <see cref="Phase.None"/>.</param>
public readonly record struct Measurement(Quantity Quantity, double Value, Phase Phase = Phase.None);
