namespace SolarTap.Protocols.SunSpec;

/// <summary>Model 1, the common model (docs/spec/sunspec.md §3.1). Strings the device left empty are null.</summary>
/// <param name="Manufacturer">Mn, e.g. "SolarEdge".</param>
/// <param name="Model">Md, e.g. "SE5000H-RW000BNN4".</param>
/// <param name="Options">Opt: manufacturer-specific; SolarEdge meters put their role here ("Export+Import").</param>
/// <param name="Version">Vr: firmware version.</param>
/// <param name="SerialNumber">SN.</param>
/// <param name="DeviceAddress">DA: the Modbus address (RTU), when implemented.</param>
public sealed record SunSpecCommon(string? Manufacturer, string? Model, string? Options, string? Version, string? SerialNumber, ushort? DeviceAddress);
