namespace SolarTap.Supervisor.Net;

/// <summary>Whether the inverter-facing interface is ready for the DHCP and DNS servers.</summary>
public enum LinkState
{
    /// <summary>No interface of that name.</summary>
    Missing,

    /// <summary>The interface exists but does not carry the appliance's address (yet).</summary>
    NoAddress,

    /// <summary>The interface exists and carries the appliance's address.</summary>
    Ready,
}
