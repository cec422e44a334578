namespace SolarTap.Protocols.SolarEdge.Commands;

/// <summary>
/// One named value of a decoded answer. <see cref="Value"/> is a number (<see cref="uint"/>, <see cref="int"/>,
/// <see cref="ushort"/>, <see cref="double"/>), a <see cref="string"/>, a list of values, or a list of fields (an object).
/// </summary>
/// <param name="Name">Field name as it appears in the command-mode JSON.</param>
/// <param name="Value">The value.</param>
public sealed record ResponseField(string Name, object Value);
