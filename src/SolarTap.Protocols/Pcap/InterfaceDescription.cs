namespace SolarTap.Protocols.Pcap;

/// <summary>What a pcapng Interface Description Block says about the packets of one interface.</summary>
internal readonly record struct InterfaceDescription(LinkType LinkType, uint SnapLength, byte Resolution, long OffsetSeconds);
