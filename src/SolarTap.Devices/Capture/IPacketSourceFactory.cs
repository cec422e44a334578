using SolarTap.Protocols.Net;

namespace SolarTap.Devices.Capture;

/// <summary>Opens live packet sources; the Linux implementation uses packet sockets, tests use fakes.</summary>
public interface IPacketSourceFactory
{
    /// <summary>
    /// Starts capturing on <paramref name="interfaceName"/> (in promiscuous mode, so a bridge shows the frames it
    /// forwards), keeping only frames <paramref name="filter"/> accepts (a classic BPF program, see
    /// <see cref="BpfFilters"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">The interface does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not capture (no CAP_NET_RAW).</exception>
    /// <exception cref="IOException">Any other failure, with the system's reason.</exception>
    IPacketSource Open(string interfaceName, IReadOnlyList<BpfInstruction> filter);
}
