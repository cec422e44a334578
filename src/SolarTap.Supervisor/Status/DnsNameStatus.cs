namespace SolarTap.Supervisor.Status;

/// <summary>A name a device on the inverter port asked the appliance's DNS server, the first time it asked it.</summary>
/// <param name="Client">The asking device's IP address.</param>
/// <param name="Name">The name asked.</param>
/// <param name="FirstAsked">When it first asked it.</param>
public sealed record DnsNameStatus(string Client, string Name, DateTimeOffset FirstAsked);
