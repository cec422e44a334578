namespace SolarTap.Supervisor.Status;

/// <summary>One inverter seen on the link or posting data, at the time of a snapshot.</summary>
/// <param name="Serial">Its serial (the ID in its posts), once it has posted.</param>
/// <param name="Mac">Its MAC address, once seen on the link.</param>
/// <param name="Address">Its IP address.</param>
/// <param name="Hostname">The host name it gave the DHCP server, or its reservation's.</param>
/// <param name="FirstSeen">When it was first seen.</param>
/// <param name="LastPost">When it last posted data.</param>
/// <param name="Posts">Posts received.</param>
/// <param name="Readings">Readings decoded from them.</param>
/// <param name="Firmware">What its traffic says about its firmware.</param>
/// <param name="Guidance">What the user can do, when its data cannot be read; else null.</param>
public sealed record InverterStatus(
    string? Serial,
    string? Mac,
    string? Address,
    string? Hostname,
    DateTimeOffset FirstSeen,
    DateTimeOffset? LastPost,
    long Posts,
    long Readings,
    InverterFirmware Firmware,
    string? Guidance)
{
    /// <summary>The status source its last post came through (<c>solaredge-server</c>, <c>capture</c>, ...); null until it posted.</summary>
    public string? Source { get; init; }
}
