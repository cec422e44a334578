using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Leds;

/// <summary>The appliance state the LEDs show (issue 7 §1), filled by the supervisor from its status model.</summary>
/// <param name="Link">The inverter link.</param>
/// <param name="Upstream">Forwarding upstream.</param>
/// <param name="Error">A configuration error or a missing device.</param>
public sealed record ApplianceIndication(InverterLinkState Link, UpstreamState Upstream, bool Error);
