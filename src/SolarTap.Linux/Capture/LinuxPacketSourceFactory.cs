using SolarTap.Devices.Capture;
using SolarTap.Protocols.Net;

namespace SolarTap.Linux.Capture;

/// <summary>Opens <see cref="LinuxPacketSocket"/>s.</summary>
public sealed class LinuxPacketSourceFactory : IPacketSourceFactory
{
    /// <summary>The one instance.</summary>
    public static LinuxPacketSourceFactory Instance { get; } = new();

    /// <inheritdoc/>
    public IPacketSource Open(string interfaceName, IReadOnlyList<BpfInstruction> filter) => LinuxPacketSocket.Open(interfaceName, filter);
}
