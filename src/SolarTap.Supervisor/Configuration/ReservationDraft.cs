using System.Net;
using SolarTap.Protocols.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>A reservation while its keys are being read; complete once it has a MAC and an address.</summary>
internal sealed class ReservationDraft
{
    public MacAddress? Mac { get; set; }

    public IPAddress? Address { get; set; }

    public string? Hostname { get; set; }

    public bool Failed { get; set; }
}
