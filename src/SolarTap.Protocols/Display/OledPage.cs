namespace SolarTap.Protocols.Display;

/// <summary>One page of the cycle.</summary>
/// <param name="Kind">What it shows.</param>
/// <param name="Index">For <see cref="OledPageKind.Inverter"/>, which inverter; otherwise 0.</param>
public readonly record struct OledPage(OledPageKind Kind, int Index = 0);
