namespace SolarTap.Devices.Capture;

/// <summary>
/// A live source of link-layer frames (a packet socket on one network interface), already filtered by the kernel.
/// Frames start with their Ethernet II header.
/// </summary>
public interface IPacketSource : IDisposable
{
    /// <summary>The interface the frames come from, for messages.</summary>
    string InterfaceName { get; }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the next frame and copies it into <paramref name="frame"/>.
    /// </summary>
    /// <returns>The frame's length (at most <paramref name="frame"/>'s: a longer frame is cut, see
    /// <paramref name="originalLength"/>), or 0 when none came in time.</returns>
    /// <param name="frame">Where the frame goes.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="originalLength">The frame's length on the wire, which may exceed the return value.</param>
    /// <exception cref="IOException">The interface went away or failed.</exception>
    int Receive(Span<byte> frame, TimeSpan timeout, out int originalLength);
}
