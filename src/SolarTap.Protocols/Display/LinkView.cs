namespace SolarTap.Protocols.Display;

/// <summary>The inverter-facing link.</summary>
/// <param name="State">What the link is doing.</param>
/// <param name="Mac">The inverter's MAC address, when seen.</param>
/// <param name="Address">The inverter's IP address, when leased.</param>
/// <param name="Session">Short session description ("plain", "encrypted", "relay"), when one is up.</param>
/// <param name="TlsFirmware">The inverter speaks TLS: its data cannot be read on the link (a warning line is shown).</param>
public sealed record LinkView(InverterLinkState State, string? Mac, string? Address, string? Session, bool TlsFirmware);
