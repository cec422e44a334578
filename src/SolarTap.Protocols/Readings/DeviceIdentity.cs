namespace SolarTap.Protocols.Readings;

/// <summary>Who a reading is about.</summary>
/// <param name="Kind">The kind of device.</param>
/// <param name="Serial">The device's own identifier as the user sees it (for SolarEdge the masked hex ID).</param>
/// <param name="Parent">The serial of the device it reports through (an optimizer's inverter), if known.</param>
/// <param name="Manufacturer">Maker, e.g. "SolarEdge".</param>
public sealed record DeviceIdentity(DeviceKind Kind, string Serial, string? Parent = null, string? Manufacturer = null);
