using SolarTap.Devices.Capture;
using SolarTap.Protocols.Net;

namespace SolarTap.Testing.Capture;

/// <summary>Opens <see cref="Source"/> (or throws <see cref="Failure"/>), remembering what it was asked for.</summary>
public sealed class FakePacketSourceFactory : IPacketSourceFactory
{
    /// <summary>What <see cref="Open"/> throws while set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>The source <see cref="Open"/> hands out.</summary>
    public FakePacketSource Source { get; set; } = new("br0");

    /// <summary>The interface of the last call.</summary>
    public string? OpenedInterface { get; private set; }

    /// <summary>The filter of the last call.</summary>
    public IReadOnlyList<BpfInstruction>? Filter { get; private set; }

    /// <summary>Calls so far.</summary>
    public int Opens { get; private set; }

    /// <inheritdoc/>
    public IPacketSource Open(string interfaceName, IReadOnlyList<BpfInstruction> filter)
    {
        Opens++;
        OpenedInterface = interfaceName;
        Filter = filter;
        return Failure is null ? Source : throw Failure;
    }
}
