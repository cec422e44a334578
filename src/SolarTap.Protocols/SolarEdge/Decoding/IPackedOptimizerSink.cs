using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Decoding;

/// <summary>
/// A message sink that can take posts made only of 0x0080 records undecoded (see
/// <see cref="PackedOptimizerJsonWriter.IsPackedOnly"/>), to format them straight from the wire. The decoder then
/// skips <see cref="TelemetryDecoder"/> for such posts and calls <see cref="OnPackedOptimizers"/> instead of
/// <see cref="ISolarEdgeMessageSink.OnMessage"/>.
/// </summary>
public interface IPackedOptimizerSink : ISolarEdgeMessageSink
{
    /// <summary>Whether the sink takes such posts now (a sink may need readings for some of its outputs).</summary>
    bool TakesPackedOptimizerPosts { get; }

    /// <summary>A plain or decrypted 0x0500 post of <paramref name="records"/> whole 0x0080 records.</summary>
    void OnPackedOptimizers(scoped in TrackedMessage message, int records);
}
